/*
 * Search worker extension: loads Material's own search worker unchanged and
 * adds three things to the Lunr index it builds (see
 * hooks/bicentennial/publish/search_index.py, which points pages at this file).
 *
 * 1. Accents and case don't matter. The fields "title_f"/"text_f" hold the
 *    words of "title"/"text" folded (lower case, accents removed), and
 *    "title_s"/"text_s" their stems (English or Spanish, after folding).
 *    Each field keeps one token per word, so Material's highlighting, which
 *    works from token positions, stays correct; "title" and "text" keep the
 *    words as written, so suggestions and what readers see keep accents.
 * 2. Stemming on queries. Material appends "*" to every typed word and Lunr
 *    then skips the search pipeline, so a stemmed index would never match.
 *    Here a trailing-wildcard word still goes through the pipeline, which
 *    turns it into the word, its folded form and its stem, each with "*".
 * 3. Numbers are keys. "3" or "2.1.3" matches that exact number, numbers
 *    under it ("3.*"), and the "key" field ("id_3") of the page it names,
 *    instead of every token that merely starts with the digits ("31").
 * 4. A stop word between two words ("armas de fuego") barely counts. With
 *    the "*" Material appends, "de*" matches every word that starts with
 *    "de", and the rare ones ("debilitar") outranked pages that hold the
 *    words the reader meant. It still matches, so Material does not show it
 *    as missing; the last word keeps its weight (it may be a word being typed).
 *
 * The page passes Material's worker file name as ?material=search.<hash>.min.js
 * (this file sits next to it, so Material's "../lunr" language files resolve).
 */
"use strict"

const material = new URL(self.location.href).searchParams.get("material") || ""
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
  throw new Error(`bf-search: unexpected worker name "${material}"`)
importScripts(material)

const lunr = self.lunr
const NUMBER = /^\d+(?:\.\d+)*$/
const DERIVED = /^(.+)_(f|s)$/

function fold(word) {
  return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
}

/* The stemmer of the one language Material loaded for this index, or English */
function stem(word) {
  const language = ["es"].map(code => lunr[code]).find(Boolean)
  const stemmer = language ? language.stemmer : lunr.stemmer
  return stemmer(new lunr.Token(word, {})).toString()
}

/* Index pipeline step: the form of the word that the current field stores */
let currentField = ""
function bfIndex(token) {
  const derived = DERIVED.exec(currentField)
  if (!derived)
    return token
  return token.update(word => derived[2] === "f" ? fold(word) : stem(fold(word)))
}

/* Search pipeline step: every form a typed word may match */
function bfQuery(token) {
  const term = token.toString()
  const wildcard = term.endsWith("*")
  const word = wildcard ? term.slice(0, -1) : term
  if (word.includes("*"))
    return token
  const forms = NUMBER.test(word)
    ? [word, `${word}.*`, `id_${word}`]
    : [...new Set([word, fold(word), stem(fold(word))])]
        .filter(Boolean)
        .map(form => wildcard ? `${form}*` : form)
  return forms.map(form => new lunr.Token(form, token.metadata))
}
lunr.Pipeline.registerFunction(bfIndex, "bfIndex")
lunr.Pipeline.registerFunction(bfQuery, "bfQuery")

/* Derived fields read their text from the field they derive from */
const field = lunr.Builder.prototype.field
lunr.Builder.prototype.field = function (name, attributes) {
  const derived = DERIVED.exec(name)
  if (derived)
    attributes = {
      ...attributes, extractor: doc => {
        lunr.tokenizer.table = []        // Material's position table: not this one
        return doc[derived[1]]
      }
    }
  return field.call(this, name, attributes)
}

/* Before the first document: wire both pipelines and track the field */
const add = lunr.Builder.prototype.add
lunr.Builder.prototype.add = function (doc, attributes) {
  if (!this.bfReady) {
    this.bfReady = true
    const tokenizer = this.tokenizer
    this.tokenizer = (input, metadata) => {
      currentField = metadata && metadata.fields ? metadata.fields[0] : ""
      return tokenizer(input, metadata)
    }
    this.pipeline.add(bfIndex)
    this.searchPipeline.reset()
    this.searchPipeline.add(bfQuery)
  }
  return add.call(this, doc, attributes)
}

/* Let words with a trailing wildcard through the search pipeline */
const clause = lunr.Query.prototype.clause
lunr.Query.prototype.clause = function (options) {
  if (options.usePipeline === false && /^[^*]+\*$/.test(options.term || ""))
    options.usePipeline = true
  return clause.call(this, options)
}

/* A stop word followed by another word: a clause of (almost) no weight */
const STOP_WORD_BOOST = 0.01
const query = lunr.Index.prototype.query
lunr.Index.prototype.query = function (fn) {
  return query.call(this, function (q) {
    fn.call(q, q)
    const language = ["es"].map(code => lunr[code]).find(Boolean)
    const filter = language ? language.stopWordFilter : lunr.stopWordFilter
    for (const clause of q.clauses.slice(0, -1)) {
      const word = String(clause.term).replace(/\*$/, "")
      if (word && !word.includes("*") && !filter(new lunr.Token(word, {})))
        clause.boost = STOP_WORD_BOOST
    }
  })
}
