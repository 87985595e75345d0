// Chinese-aware search worker for Material for MkDocs (replaces its Lunr worker, keeps its search UI).
//
// Material's UI talks to a web worker with four messages (0 SETUP with the index, 1 READY, 2 QUERY with
// the typed text, 3 RESULT with items grouped by page). This worker speaks the same protocol but indexes
// Chinese as overlapping character bigrams (plus single characters) and Latin text as words, so the
// build-time and query-time tokenisation are one and the same function, and a query matches with or
// without spaces. Abbreviations the site defines (e.g. BN for 批归一化) expand to their Chinese term and
// back. Scoring: BM25 over the query's grams, title matches weighted higher, a bonus for the query
// appearing as an unbroken phrase, and results must cover most of the query.
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const TOKEN = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:[._+#][a-z0-9]+)*\+*/g;
const TITLE_WEIGHT = 5, CONTEXT_WEIGHT = 2, K1 = 1.2, B = 0.75, MIN_COVERAGE = 0.5;
// What is sent back to the page: the best pages, a few questions each, a short excerpt per question.
const MAX_PAGES = 20, MAX_ITEMS_PER_PAGE = 6, EXCERPT_CHARS = 180;
// Question words a reader types around the term ("怎么判断梯度爆炸") but pages rarely use verbatim.
const QUESTION_WORDS = /怎么样|怎么|怎样|如何|为什么|为何|什么|哪些|是否|有没有|吗|呢/g;

let docs = [];          // {location, title, text, plainTitle, plainText, page}
let postings = new Map(); // gram -> Map(docIndex -> [titleCount, textCount])
let vocabulary = [];    // every Latin word, for prefix matching of the word being typed
let vocabularySet = new Set();
let synonyms = new Map(); // normalised term -> [normalised alternatives]
let averageLength = 1;

// Full-width forms, case, "1×1" vs "1x1" and "√" vs "根号" all read the same.
function normalise(text) {
  return text.normalize("NFKC").toLowerCase().replace(/×/g, "x").replace(/√/g, "根号");
}

function plain(html) {
  return html.replace(/<[^>]+>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
    .replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ");
}

// The one tokeniser used for documents and queries: Latin words, and for each run of Chinese characters
// its single characters and overlapping bigrams.
function grams(text) {
  const out = [];
  for (const [token] of normalise(text).matchAll(TOKEN)) {
    if (!HAN.test(token)) {
      // "torch.nn.clip_grad_norm_" and "d_k" also count as their parts and as one joined word ("dk").
      out.push(token.replace(/_/g, ""));
      if (/[._]/.test(token)) out.push(...token.split(/[._]/).filter(part => part.length > 1));
      continue;
    }
    const chars = [...token];
    for (let i = 0; i < chars.length; i++) {
      out.push(chars[i]);
      if (i + 1 < chars.length) out.push(chars[i] + chars[i + 1]);
    }
  }
  return out;
}

function setup(index) {
  docs = index.docs.map(doc => ({
    ...doc,
    plainTitle: normalise(plain(doc.title)),
    plainText: normalise(plain(doc.text)),
    compactTitle: normalise(plain(doc.title)).replace(/\s+/g, ""),
    plainContext: normalise(doc.context || ""),
    boost: doc.boost || 1,
    compactText: normalise(plain(doc.text)).replace(/\s+/g, ""),
    page: doc.location.split("#")[0],
  }));
  postings = new Map();
  const words = new Set();
  let totalLength = 0;
  docs.forEach((doc, index) => {
    // slot 0: the question (title), 1: the text, 2: the page's title (context for a question)
    [doc.plainTitle, doc.plainText, doc.plainContext].forEach((field, slot) => {
      const fieldGrams = grams(field);
      if (slot === 1) totalLength += fieldGrams.length;
      if (slot !== 2) doc.length = (doc.length || 0) + fieldGrams.length;
      for (const gram of fieldGrams) {
        if (!HAN.test(gram)) words.add(gram);
        let perDoc = postings.get(gram);
        if (!perDoc) postings.set(gram, perDoc = new Map());
        const counts = perDoc.get(index) || [0, 0, 0];
        counts[slot] += 1;
        perDoc.set(index, counts);
      }
    });
  });
  averageLength = Math.max(1, totalLength / Math.max(1, docs.length));
  vocabulary = [...words];
  vocabularySet = words;
  synonyms = new Map();
  // Matching ignores case, so a term can sit in two groups (mAP and MAP, LR and lr = 学习率): it then
  // stands for both, rather than for whichever group came last.
  for (const group of (index.config.synonyms || [])) {
    const terms = group.map(normalise);
    for (const term of terms) {
      const key = term.replace(/\s+/g, "");
      const others = terms.filter(other => other !== term);
      synonyms.set(key, [...new Set([...(synonyms.get(key) || []), ...others])]);
    }
  }
}

// A query unit is what the reader typed as one word or one Chinese run, with its alternatives
// (synonyms, and for the last Latin word the vocabulary words it is a prefix of).
function queryUnits(query) {
  const words = vocabularySet;
  const tokens = [];
  for (const [token] of normalise(query).replace(QUESTION_WORDS, " ").matchAll(TOKEN)) {
    // A Latin word typed without its space ("roipooling") is split into two words the site uses.
    if (!HAN.test(token) && !words.has(token) && !synonyms.has(token)) {
      const split = [...Array(token.length).keys()].slice(2, -1)
        .find(i => words.has(token.slice(0, i)) && words.has(token.slice(i)));
      if (split) { tokens.push(token.slice(0, split), token.slice(split)); continue; }
    }
    tokens.push(token);
  }
  const compact = normalise(query).replace(/\s+/g, "");
  const units = tokens.map((token, position) => {
    const alternatives = [token, ...(synonyms.get(token) || [])].map(text => ({ text, weight: 1 }));
    // The word being typed may be unfinished ("Ada" → adam, adamw); whole-word matches still come first.
    if (!HAN.test(token) && position === tokens.length - 1 && token.length >= 2)
      for (const word of vocabulary) if (word.startsWith(token) && word !== token) alternatives.push({ text: word, weight: 0.5 });
    return { token, alternatives };
  });
  // A whole query that is itself a defined term (e.g. "ROI Align", "批 归一化") is one unit too.
  if (tokens.length > 1 && synonyms.has(compact))
    return [{ token: compact, alternatives: [compact, ...synonyms.get(compact)].map(text => ({ text, weight: 1 })) }];
  return units;
}

function idf(gram) {
  const documentFrequency = postings.get(gram)?.size || 0;
  return Math.log(1 + (docs.length - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

// Score of every document for one alternative: BM25 summed over the alternative's grams, and the
// share of the alternative's grams the document contains.
// Only grams that occur somewhere on the site count: a bigram that spans two typed words ("野计" in
// "感受野计算") occurs nowhere and would otherwise count against every page.
function scoreAlternative(alternative) {
  const altGrams = [...new Set(grams(alternative))].filter(gram => postings.has(gram));
  const weights = altGrams.map(idf);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const scores = new Map();
  altGrams.forEach((gram, i) => {
    for (const [index, [inTitle, inText, inContext]] of postings.get(gram)) {
      const doc = docs[index];
      const tf = TITLE_WEIGHT * inTitle + inText + CONTEXT_WEIGHT * inContext;
      const bm25 = weights[i] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * doc.length / averageLength));
      const entry = scores.get(index) || { score: 0, covered: 0, inTitle: 0 };
      entry.score += bm25;
      entry.covered += weights[i] / total;
      if (inTitle || inContext) entry.inTitle += weights[i] / total;
      scores.set(index, entry);
    }
  });
  const phrase = alternative.replace(/\s+/g, "");
  for (const [index, entry] of scores) {
    const doc = docs[index];
    entry.score *= (1 + 4 * entry.inTitle * entry.inTitle) * doc.boost; // the question itself names what was typed
    if (doc.compactTitle.includes(phrase)) { entry.score *= 2.5; entry.covered = 1; }
    else if (doc.compactText.includes(phrase)) { entry.score *= 1.6; entry.covered = 1; }
  }
  return scores;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// A short plain-text excerpt of a question's text, starting a little before the first match.
function excerpt(html, needles) {
  const text = plain(html).trim();
  const lower = normalise(text);
  const hits = needles.map(needle => lower.indexOf(normalise(needle))).filter(index => index >= 0);
  const start = hits.length ? Math.max(0, Math.min(...hits) - 40) : 0;
  const cut = text.slice(start, start + EXCERPT_CHARS);
  return `<p>${start > 0 ? "…" : ""}${escapeHtml(cut)}${start + EXCERPT_CHARS < text.length ? "…" : ""}</p>`;
}

// Wrap matches in <mark> in the text parts of an HTML string (never inside tags).
function highlight(html, needles) {
  const usable = needles.filter(needle => needle.length >= (HAN.test(needle) ? 1 : 2));
  if (!usable.length) return html;
  const pattern = new RegExp(usable.sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"), "gi");
  return html.split(/(<[^>]+>)/).map(part => part.startsWith("<") ? part : part.replace(pattern, "<mark>$&</mark>")).join("");
}

function search(query) {
  const units = queryUnits(query);
  if (!units.length) return { items: [] };
  const perUnit = units.map(unit => {
    const best = new Map();
    for (const { text: alternative, weight } of unit.alternatives)
      for (const [index, entry] of scoreAlternative(alternative)) {
        entry.score *= weight;
        const current = best.get(index);
        if (!current || entry.covered > current.covered || (entry.covered === current.covered && entry.score > current.score))
          best.set(index, { ...entry, alternative });
      }
    return best;
  });
  const candidates = new Map();
  perUnit.forEach(best => {
    for (const [index, entry] of best) {
      const total = candidates.get(index) || { score: 0, covered: 0, matched: [] };
      total.score += entry.score;
      total.covered += entry.covered / units.length;
      if (entry.covered >= MIN_COVERAGE) total.matched.push(entry.alternative);
      candidates.set(index, total);
    }
  });
  const hits = [...candidates].filter(([, entry]) => entry.covered >= MIN_COVERAGE)
    .map(([index, entry]) => ({ index, score: entry.score * entry.covered * entry.covered, matched: entry.matched }))
    .sort((a, b) => b.score - a.score);
  const groups = new Map();
  for (const hit of hits) {
    const doc = docs[hit.index];
    const terms = {};
    units.forEach((unit, i) => { terms[unit.token] = (perUnit[i].get(hit.index)?.covered || 0) >= MIN_COVERAGE; });
    const needles = hit.matched.flatMap(alternative => alternative.split(/\s+/));
    if (!groups.has(doc.page)) {
      if (groups.size === MAX_PAGES) continue;
      groups.set(doc.page, []);
    }
    const group = groups.get(doc.page);
    if (group.length === MAX_ITEMS_PER_PAGE) continue;
    group.push({
      location: doc.location, title: highlight(doc.title, needles), text: highlight(excerpt(doc.text, needles), needles),
      score: hit.score, terms,
    });
  }
  for (const [page, items] of groups) {
    if (!items.some(item => item.location === page)) {
      const article = docs.find(doc => doc.location === page);
      if (article) items.push({ location: article.location, title: article.title, text: excerpt(article.text, []), score: 0, terms: {} });
    }
  }
  return { items: [...groups.values()] };
}

if (typeof self !== "undefined") self.addEventListener("message", event => {
  const message = event.data;
  if (message.type === SETUP) {
    setup(message.data);
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    let data;
    try {
      data = search(message.data);
    } catch (error) {
      console.warn("search failed for", message.data, error);
      data = { items: [] };
    }
    self.postMessage({ type: RESULT, data });
  }
});

if (typeof module !== "undefined") module.exports = { grams, setup, search, queryUnits };
