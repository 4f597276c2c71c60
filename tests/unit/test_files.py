"""hooks/bicentennial/files.py: the never-half-written write and the fingerprint of what a cache depends on."""

from __future__ import annotations

import pytest

from bicentennial.files import atomic_write, fingerprint


def test_the_fingerprint_changes_with_any_byte_and_where_the_files_split(tmp_path):
    (tmp_path / "a").write_bytes(b"ab")
    (tmp_path / "b").write_bytes(b"c")
    (tmp_path / "c").write_bytes(b"a")
    (tmp_path / "d").write_bytes(b"bc")
    one = fingerprint(tmp_path / "a", tmp_path / "b", versions="1")
    assert one == fingerprint(tmp_path / "a", tmp_path / "b", versions="1")
    assert one != fingerprint(tmp_path / "c", tmp_path / "d", versions="1")  # the same bytes, split elsewhere
    assert one != fingerprint(tmp_path / "a", tmp_path / "b", versions="2")
    (tmp_path / "b").write_bytes(b"C")
    assert one != fingerprint(tmp_path / "a", tmp_path / "b", versions="1")


@pytest.mark.parametrize("durable", [True, False])
def test_a_write_is_whole_or_not_at_all_and_keeps_the_files_mode(tmp_path, durable):
    path = tmp_path / "cache.bin"
    atomic_write(path, b"first", durable=durable)
    assert path.read_bytes() == b"first" and path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)

    def refuse(tmp):
        assert tmp.read_bytes() == b"second"
        raise ValueError("no")

    with pytest.raises(ValueError):
        atomic_write(path, b"second", check=refuse, durable=durable)
    assert path.read_bytes() == b"first"
    atomic_write(path, b"third", durable=durable)
    assert path.read_bytes() == b"third" and path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.bin"]
