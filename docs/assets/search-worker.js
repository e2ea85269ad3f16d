/* The edition's search, behind Material's search box and results panel.

   A web worker in Material for MkDocs' protocol: it is handed the index
   (message 0: edition/steps/search_passages.py writes one entry per passage,
   work and apparatus entry, each with its kind, and the spellings of data/ as
   groups of synonyms), answers that it is ready (1), and answers each query
   (2) with its results (3), grouped by page as the theme renders them.

   What it does that the theme's own search does not:
   - "a quoted phrase" matches only those words, in that order;
   - unquoted words must all be found, and passages holding them together,
     as typed, come first (otherwise the passages with most of them, the
     missing ones shown struck through);
   - the spellings of data/ are synonyms: an acronym finds its expansion and
     the other way round, a romanization the paper does not use finds the
     paper's; spaces and hyphens inside a name do not matter (Park
     Chung-hee, Park Chunghee);
   - a word the text does not hold, one letter wrong, is read as the word it
     is closest to, and the results say so;
   - the paper's passages rank first, then the works of the Bibliography,
     then the entries of the Glossary, Index and Timeline, then the
     edition's own pages;
   - each result shows about 200 characters round its match, whole words,
     with the matched words marked, and opens its page with those words to
     highlight (?h=, read by search-landing.js);
   - the results are counted in the reader's terms: 3 passages in 2 sections. */
(function () {
  "use strict";

  const SETUP = 0;
  const READY = 1;
  const QUERY = 2;
  const RESULT = 3;

  // The order of the kinds of entry, and how the count names them.
  const KINDS = ["paper", "bibliography", "apparatus", "edition"];
  const STOPWORDS = new Set(("a an and are as at be but by for from has have if in into is it " +
    "its of on or that the their then there these they this to was were will with").split(" "));
  const SNIPPET = 200; // characters of a passage shown round its match
  const SHOWN_PER_PAGE = 3; // results of a page shown before "N more on this page"
  const WEIGHT = {
    exact: 1, plural: 0.9, joined: 0.9, corrected: 0.7, prefix: 0.5, synonym: 0.7, partOf: 0.3 };
  const AS_TYPED = 1.5; // a unit found as the reader typed it, not only through a synonym
  const IN_FULL = 1.25; // a unit found in another of its full spellings, not only a short one
  const TOGETHER = 3; // all the words together, in the order typed
  const NEAR = 1.5; // all the words within a few words of one another
  const NEAR_SPAN = 12;
  const K1 = 1.2;
  const B = 0.3; // passages are compared with the average length of their kind

  const WORD = /[\p{L}\p{N}]+/gu;
  const MARKS = /\p{M}/gu;
  const HYPHENS = /[-\u2010-\u2013]/;

  function fold(word) {
    return word.normalize("NFD").replace(MARKS, "").toLowerCase();
  }

  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  // The words of a text: their folded forms, places, and the separators between them.
  function words(text) {
    const found = { forms: [], surfaces: [], starts: [], ends: [], caps: [], hyphenAfter: [] };
    for (const match of text.matchAll(WORD)) {
      const surface = match[0];
      if (found.forms.length) {
        const between = text.slice(found.ends[found.ends.length - 1], match.index);
        found.hyphenAfter.push(HYPHENS.test(between));
      }
      found.forms.push(fold(surface));
      found.surfaces.push(surface);
      found.starts.push(match.index);
      found.ends.push(match.index + surface.length);
      found.caps.push(surface.length > 1 && surface === surface.toUpperCase() &&
        surface !== surface.toLowerCase());
    }
    found.hyphenAfter.push(false);
    return found;
  }

  // Damerau-Levenshtein distance, or limit + 1 as soon as it must exceed limit.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let before = null;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      const current = [i];
      let best = i;
      for (let j = 1; j <= b.length; j += 1) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          value = Math.min(value, before[j - 2] + 1);
        current.push(value);
        best = Math.min(best, value);
      }
      if (best > limit) return limit + 1;
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  function plural(form) {
    if (form.length < 3) return [];
    const forms = [form + "s", form + "es"];
    if (form.length < 4) return forms;
    if (form.endsWith("ies")) forms.push(form.slice(0, -3) + "y");
    if (form.endsWith("es")) forms.push(form.slice(0, -2));
    if (form.endsWith("s")) forms.push(form.slice(0, -1));
    if (form.endsWith("y")) forms.push(form.slice(0, -1) + "ies");
    return forms;
  }

  function count(number, one, many) {
    return `${number} ${number === 1 ? one : many}`;
  }

  class Engine {
    constructor({ config, docs }) {
      this.pages = new Map(); // page URL -> its own entry (the heading of its results)
      this.docs = [];
      this.vocabulary = new Map(); // folded word -> {docs, surface}
      for (const doc of docs) {
        const [page] = doc.location.split("#");
        if (!doc.location.includes("#")) {
          this.pages.set(page, doc);
          continue;
        }
        const entry = { ...doc, page, words: words(doc.text), order: this.docs.length };
        this.docs.push(entry);
        const seen = new Set();
        entry.words.forms.forEach((form, position) => {
          if (!this.vocabulary.has(form))
            this.vocabulary.set(form, { docs: 0, surfaces: new Map() });
          const known = this.vocabulary.get(form);
          const surface = doc.text.slice(entry.words.starts[position], entry.words.ends[position]);
          known.surfaces.set(surface, (known.surfaces.get(surface) || 0) + 1);
          if (!seen.has(form)) known.docs += 1;
          seen.add(form);
        });
      }
      this.byLength = new Map(); // the words of the text by their length, for typos
      for (const word of this.vocabulary.keys()) {
        if (!this.byLength.has(word.length)) this.byLength.set(word.length, []);
        this.byLength.get(word.length).push(word);
      }
      this.averageLength = new Map();
      for (const kind of new Set(this.docs.map((doc) => doc.kind))) {
        const ofKind = this.docs.filter((doc) => doc.kind === kind);
        this.averageLength.set(kind,
          ofKind.reduce((sum, doc) => sum + doc.words.forms.length, 0) / ofKind.length);
      }
      // Every spelling of data/ -> the group of spellings it belongs to
      this.synonyms = new Map();
      for (const group of config.synonyms || []) {
        const forms = group.map((spelling) => ({ spelling, ...words(spelling) }));
        for (const form of forms) this.synonyms.set(form.forms.join(""), forms);
      }
    }

    surface(form) {
      const known = this.vocabulary.get(form);
      if (!known) return form;
      return [...known.surfaces].sort((a, b) => b[1] - a[1])[0][0];
    }

    // The words of the text a query word matches, each with its weight; a word the text
    // does not hold (nor joined to the next or split in two) is read as the nearest it does.
    // The last word typed may be the start of a word, unless it is a word of the text.
    matches(form, { last, strict, joinable, fuzzy }) {
      const found = new Map();
      const add = (word, weight) => {
        if (this.vocabulary.has(word) && !(found.get(word) >= weight)) found.set(word, weight);
      };
      add(form, WEIGHT.exact);
      if (strict) return { found, corrected: null };
      for (const other of plural(form)) add(other, WEIGHT.plural);
      if (last && !this.vocabulary.has(form))
        for (const word of this.vocabulary.keys())
          if (word.length > form.length && word.startsWith(form)) add(word, WEIGHT.prefix);
      let corrected = null;
      if (fuzzy && !found.size && !joinable && form.length >= 4 && !/^\p{N}+$/u.test(form)) {
        const limit = form.length >= 8 ? 2 : 1;
        let best = limit + 1;
        for (let length = form.length - limit; length <= form.length + limit; length += 1)
          for (const word of this.byLength.get(length) || []) {
            const apart = distance(form, word, limit);
            if (apart < best || (apart === best && corrected && this.vocabulary.get(word).docs >
                this.vocabulary.get(corrected).docs)) {
              best = apart;
              corrected = word;
            }
          }
        if (corrected) add(corrected, WEIGHT.corrected);
      }
      return { found, corrected };
    }

    // The query, read as units: each word, each quoted phrase, each spelling of data/.
    parse(query) {
      const units = [];
      const together = []; // the unquoted words in order, as segments of the phrase they make
      const corrections = [];
      const quoted = [];
      const rest = query.replace(/"([^"]*)"?/g, (_, phrase) => {
        quoted.push(phrase);
        return " ";
      });
      for (const phrase of quoted) {
        const typed = words(phrase);
        if (!typed.forms.length) continue;
        const alternative = this.alternative(typed, { strict: true, last: false, corrections });
        units.push({ label: phrase.trim(), alternatives: [alternative], required: true });
      }
      const typed = words(rest);
      const lastTyped = /[\p{L}\p{N}]$/u.test(query);
      let position = 0;
      while (position < typed.forms.length) {
        const synonym = this.synonymAt(typed, position);
        if (synonym) {
          const span = slice(typed, position, synonym.end);
          const label = rest.slice(typed.starts[position], typed.ends[synonym.end - 1]);
          const literal = this.alternative(span, { strict: false, last: false });
          const alternatives = [literal];
          for (const form of synonym.forms) {
            if (form.forms.join("") === span.forms.join("")) continue;
            // "Lee" names Lee Myung-bak less surely than "OPCON" names its expansion.
            const short = [span, ...synonym.forms].some((other) => other !== form &&
              other.forms.length > form.forms.length &&
              form.forms.every((word) => other.forms.includes(word)));
            alternatives.push({ ...this.alternative(form, { strict: false, last: false }),
              weight: short ? WEIGHT.partOf : WEIGHT.synonym,
              acronym: form.forms.length === 1 && form.caps[0],
              synonym: short ? "short" : "full" });
          }
          const unit = { label, alternatives, required: true };
          units.push(unit);
          together.push({ unit });
          position = synonym.end;
          continue;
        }
        const form = typed.forms[position];
        const last = lastTyped && position === typed.forms.length - 1;
        const stopword = STOPWORDS.has(form);
        const alternative = this.alternative(slice(typed, position, position + 1),
          { strict: stopword, last, corrections });
        const unit = { label: rest.slice(typed.starts[position], typed.ends[position]),
          alternatives: [alternative], required: !stopword };
        if (!stopword) units.push(unit);
        together.push({ unit });
        position += 1;
      }
      if (!units.length) // only short words: they are what is looked for
        for (const segment of together) {
          segment.unit.required = true;
          units.push(segment.unit);
        }
      return { units, together: together.length > 1 ? together : [], corrections };
    }

    // The longest spelling of data/ that the query's words make, from `position`.
    synonymAt(typed, position) {
      for (let end = typed.forms.length; end > position; end -= 1) {
        const joined = typed.forms.slice(position, end).join("");
        const forms = this.synonyms.get(joined);
        if (forms) return { end, forms };
      }
      return null;
    }

    // Whether a typed word is one the text writes joined to its neighbour, or split in two.
    joinable(forms, index) {
      const form = forms[index];
      if (index > 0 && this.vocabulary.has(forms[index - 1] + form)) return true;
      if (index + 1 < forms.length && this.vocabulary.has(form + forms[index + 1])) return true;
      for (let cut = 1; cut < form.length; cut += 1)
        if (this.vocabulary.has(form.slice(0, cut)) && this.vocabulary.has(form.slice(cut)))
          return true;
      return false;
    }

    // A sequence of words to find, each with the words of the text it matches.
    // Only words the reader typed outside a spelling of data/ are read as their nearest word.
    alternative(typed, { strict, last, corrections }) {
      const steps = typed.forms.map((form, index) => {
        const { found, corrected } = this.matches(form, {
          strict,
          last: last && index === typed.forms.length - 1,
          joinable: this.joinable(typed.forms, index),
          fuzzy: Boolean(corrections),
        });
        if (corrected && corrections)
          corrections.push({ typed: typed.surfaces[index], read: this.surface(corrected) });
        return { form, found, hyphenAfter: typed.hyphenAfter[index] };
      });
      return { steps, strict, weight: 1, acronym: false, synonym: false };
    }

    // Where `alternative` occurs in `doc` from word `at`: the end and the weight, or null.
    matchAt(doc, alternative, at) {
      const { forms, caps, hyphenAfter } = doc.words;
      let position = at;
      let weight = alternative.weight;
      const steps = alternative.steps;
      for (let index = 0; index < steps.length; index += 1) {
        if (position >= forms.length) return null;
        const step = steps[index];
        const word = forms[position];
        if (alternative.acronym && !caps[position] && step.form === word)
          return null; // an acronym of data/ ("US") matches as written, not "us"
        const found = step.found.get(word);
        if (alternative.strict && index > 0 &&
            hyphenAfter[position - 1] !== steps[index - 1].hyphenAfter) return null;
        if (found !== undefined) {
          weight *= found;
          position += 1;
          continue;
        }
        if (alternative.strict) return null;
        const next = steps[index + 1];
        if (next && word === step.form + next.form) { // "chung hee" typed, "Chunghee" written
          weight *= WEIGHT.joined;
          position += 1;
          index += 1;
          continue;
        }
        if (position + 1 < forms.length && step.form === word + forms[position + 1]) {
          weight *= WEIGHT.joined; // "Myungbak" typed, "Myung-bak" written
          position += 2;
          continue;
        }
        return null;
      }
      return { start: at, end: position, weight };
    }

    // Every occurrence of a unit in a doc, none overlapping another.
    // The words of the text a unit's occurrence can start with: none else need be tried.
    starts(unit) {
      if (unit.starts) return unit.starts;
      unit.starts = new Set();
      for (const { steps, strict } of unit.alternatives) {
        if (!steps.length) continue;
        for (const word of steps[0].found.keys()) unit.starts.add(word);
        if (strict) continue;
        if (steps[1]) unit.starts.add(steps[0].form + steps[1].form);
        for (let cut = 1; cut < steps[0].form.length; cut += 1)
          unit.starts.add(steps[0].form.slice(0, cut));
      }
      return unit.starts;
    }

    occurrences(doc, unit) {
      const found = [];
      const starts = this.starts(unit);
      for (let at = 0; at < doc.words.forms.length; at += 1) {
        if (!starts.has(doc.words.forms[at])) continue;
        let best = null;
        for (const alternative of unit.alternatives) {
          const match = this.matchAt(doc, alternative, at);
          if (match && (!best || match.weight > best.weight ||
              (match.weight === best.weight && match.end > best.end)))
            best = { ...match, literal: !alternative.synonym, full: alternative.synonym === "full" };
        }
        if (best && !best.literal) { // "Donald Rumsfeld" holds the "Rumsfeld" typed
          for (let inner = best.start; inner < best.end && !best.literal; inner += 1)
            for (const alternative of unit.alternatives) {
              if (alternative.synonym) continue;
              const match = this.matchAt(doc, alternative, inner);
              if (match && match.end <= best.end)
                best = { ...best, weight: Math.max(best.weight, match.weight), literal: true };
            }
        }
        if (best) {
          found.push(best);
          at = best.end - 1;
        }
      }
      return found;
    }

    // Where the unquoted words occur together, in order (each unit in any of its spellings).
    together(doc, segments, from) {
      const found = [];
      const starts = this.starts(segments[0].unit);
      for (let at = from; at < doc.words.forms.length; at += 1) {
        if (!starts.has(doc.words.forms[at])) continue;
        let position = at;
        for (const { unit } of segments) {
          let end = -1;
          for (const alternative of unit.alternatives) {
            const match = this.matchAt(doc, alternative, position);
            if (match) end = Math.max(end, match.end);
          }
          if (end < 0) {
            position = -1;
            break;
          }
          position = end;
        }
        if (position > at) found.push({ start: at, end: position });
      }
      return found;
    }

    search(query) {
      const { units, together, corrections } = this.parse(query);
      if (!units.length) return { items: [], summary: "" };
      const required = units.filter((unit) => unit.required);
      const frequency = required.map(() => 0);
      const candidates = [];
      for (const doc of this.docs) {
        const found = required.map((unit) => this.occurrences(doc, unit));
        found.forEach((list, index) => { if (list.length) frequency[index] += 1; });
        if (found.some((list) => list.length)) candidates.push({ doc, found });
      }
      const total = this.docs.length;
      for (const candidate of candidates) this.score(candidate, required, frequency, total,
        together);
      const covering = Math.max(0, ...candidates.map((candidate) => candidate.covered));
      const results = candidates
        .filter((candidate) => candidate.covered === covering)
        .sort((a, b) => KINDS.indexOf(a.doc.kind) - KINDS.indexOf(b.doc.kind) ||
          b.score - a.score || a.doc.order - b.doc.order);
      return {
        items: this.group(results, required),
        suggest: this.suggest(query),
        summary: summary(results, this.pages, corrections, query),
        query,
      };
    }

    score(candidate, units, frequency, total, together) {
      const { doc, found } = candidate;
      const length = doc.words.forms.length;
      let score = 0;
      candidate.covered = 0;
      found.forEach((list, index) => {
        if (!list.length) return;
        candidate.covered += 1;
        const weight = list.reduce((sum, match) => sum + match.weight, 0);
        const idf = Math.log(1 + (total - frequency[index] + 0.5) / (frequency[index] + 0.5));
        let unitScore = idf * weight * (K1 + 1) /
          (weight + K1 * (1 - B + B * length / this.averageLength.get(doc.kind)));
        if (units[index].alternatives.length > 1) {
          if (list.some((match) => match.literal)) unitScore *= AS_TYPED;
          else if (list.some((match) => match.full)) unitScore *= IN_FULL;
        }
        score += unitScore;
      });
      const spans = found.flat();
      candidate.focus = spans.reduce((first, match) =>
        (!first || match.start < first.start ? match : first), null);
      if (together.length && candidate.covered === units.length) {
        const phrases = this.together(doc, together, 0);
        if (phrases.length) {
          score *= TOGETHER;
          candidate.focus = phrases[0];
          spans.push(...phrases);
        } else if (units.length > 1) {
          const near = nearest(found);
          if (near && near.end - near.start <= NEAR_SPAN) {
            score *= NEAR;
            candidate.focus = near;
          }
        }
      }
      candidate.spans = spans;
      candidate.score = score;
    }

    // The results grouped by page, as the theme renders them: the page's own entry
    // first, then its entries; scores that keep the best first and SHOWN_PER_PAGE in view.
    group(results, units) {
      const groups = new Map();
      results.forEach((result, rank) => {
        const entry = {
          location: location(result),
          title: escapeHTML(result.doc.title),
          text: snippet(result),
          score: results.length - rank,
          terms: Object.fromEntries(units.map((unit, index) =>
            [unit.label, result.found[index].length > 0])),
        };
        if (!groups.has(result.doc.page)) groups.set(result.doc.page, []);
        groups.get(result.doc.page).push(entry);
      });
      return [...groups].map(([page, entries]) => {
        const own = this.pages.get(page) || { location: page, title: page };
        const shown = entries[Math.min(SHOWN_PER_PAGE, entries.length) - 1];
        return [{ location: own.location, title: escapeHTML(own.title), text: "",
          score: shown.score - 0.5, terms: {} }, ...entries];
      });
    }

    // The word the last one typed may be becoming, for the theme's suggestion.
    suggest(query) {
      const last = /([\p{L}\p{N}]+)$/u.exec(query);
      if (!last) return [];
      const typed = last[1];
      const form = fold(typed);
      let best = null;
      for (const [word, known] of this.vocabulary)
        if (word.length > form.length && word.startsWith(form) &&
            (!best || known.docs > this.vocabulary.get(best).docs)) best = word;
      if (!best) return [];
      let rest = this.surface(best).slice(typed.length);
      if (typed === typed.toLowerCase()) rest = rest.toLowerCase();
      else if (typed === typed.toUpperCase()) rest = rest.toUpperCase();
      return [typed + rest];
    }
  }

  function slice(typed, start, end) {
    return {
      forms: typed.forms.slice(start, end),
      surfaces: typed.surfaces.slice(start, end),
      starts: typed.starts.slice(start, end),
      ends: typed.ends.slice(start, end),
      caps: typed.caps.slice(start, end),
      hyphenAfter: typed.hyphenAfter.slice(start, end),
    };
  }

  // The shortest stretch of words holding one occurrence of every unit.
  function nearest(found) {
    const all = found.flatMap((list, unit) => list.map((match) => ({ ...match, unit })))
      .sort((a, b) => a.start - b.start);
    const last = new Map();
    let best = null;
    for (const match of all) {
      last.set(match.unit, match);
      if (last.size === found.length) {
        const within = [...last.values()];
        const start = Math.min(...within.map((m) => m.start));
        const end = Math.max(...within.map((m) => m.end));
        if (!best || end - start < best.end - best.start) best = { start, end };
      }
    }
    return best;
  }

  // The stretches of words found, overlapping ones made one ("ROK" and "ROK forces").
  function merged(spans) {
    const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    const joined = [];
    for (const span of sorted) {
      const last = joined[joined.length - 1];
      if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
      else joined.push({ start: span.start, end: span.end });
    }
    return joined;
  }

  // The entry's address, with the words found in it for the page to highlight.
  function location(result) {
    const { doc, spans } = result;
    const seen = new Set();
    const params = new URLSearchParams();
    for (const span of merged(spans)) {
      const words = doc.text.slice(doc.words.starts[span.start], doc.words.ends[span.end - 1]);
      const key = words.toLowerCase();
      if (!seen.has(key) && seen.size < 5) params.append("h", words);
      seen.add(key);
    }
    const [page, anchor] = doc.location.split("#");
    return `${page}${seen.size ? "?" : ""}${params}#${anchor}`;
  }

  // About SNIPPET characters of the entry's text, whole words, round its first match.
  function snippet(result) {
    const { doc, spans, focus } = result;
    const { starts, ends } = doc.words;
    const text = doc.text;
    let start = 0;
    let end = text.length;
    if (text.length > SNIPPET + 20) {
      const from = starts[focus.start];
      const to = Math.min(ends[focus.end - 1], from + SNIPPET * 0.8);
      start = Math.max(0, Math.round((from + to) / 2 - SNIPPET / 2));
      end = Math.min(text.length, start + SNIPPET);
      start = Math.max(0, end - SNIPPET);
      // Whole words: start at a word, end after one.
      if (start > 0) start = starts.find((s) => s >= start && s <= from) ?? from;
      if (end < text.length) {
        const last = ends.filter((e) => e <= end && e >= to);
        end = last.length ? last[last.length - 1] : to;
      }
      // A match the window would cut is shown whole.
      for (const span of spans)
        if (starts[span.start] < end && ends[span.end - 1] > end) end = ends[span.end - 1];
    }
    const marked = merged(spans)
      .map((span) => [starts[span.start], ends[span.end - 1]])
      .filter(([from, to]) => to > start && from < end)
      .sort((a, b) => a[0] - b[0]);
    let html = start > 0 ? "… " : "";
    let at = start;
    for (const [from, to] of marked) {
      const a = Math.max(from, at);
      const b = Math.min(to, end);
      if (b <= a) continue;
      html += escapeHTML(text.slice(at, a)) + `<mark>${escapeHTML(text.slice(a, b))}</mark>`;
      at = b;
    }
    html += escapeHTML(text.slice(at, end)) + (end < text.length ? " …" : "");
    return `<p>${html}</p>`;
  }

  // What was found, in the reader's terms: "3 passages in 2 sections, 1 work in the Bibliography".
  function summary(results, pages, corrections, query) {
    const byKind = new Map(KINDS.map((kind) => [kind, new Map()]));
    for (const { doc } of results) {
      const pagesOfKind = byKind.get(doc.kind) || byKind.get("edition");
      pagesOfKind.set(doc.page, (pagesOfKind.get(doc.page) || 0) + 1);
    }
    const parts = [];
    const title = (page) => (pages.get(page) || { title: page }).title;
    const sum = (counts) => [...counts.values()].reduce((a, b) => a + b, 0);
    const paper = byKind.get("paper");
    if (paper.size)
      parts.push(`${count(sum(paper), "passage", "passages")} in ` +
        count(paper.size, "section", "sections"));
    for (const [page, number] of byKind.get("bibliography"))
      parts.push(`${count(number, "work", "works")} in the ${title(page)}`);
    for (const [page, number] of byKind.get("apparatus"))
      parts.push(`${count(number, "entry", "entries")} in the ${title(page)}`);
    for (const [page, number] of byKind.get("edition"))
      parts.push(`${count(number, "passage", "passages")} in ${title(page)}`);
    const found = parts.join(", ");
    const read = corrections.filter((c) => results.length && c.read);
    if (!results.length) return `Nothing found for “${query.trim()}”`;
    if (read.length)
      return `${found}, for “${read.map((c) => c.read).join(" ")}” ` +
        `(nothing holds “${read.map((c) => c.typed).join(" ")}”)`;
    return found;
  }

  let engine = null;
  addEventListener("message", (event) => {
    const message = event.data;
    if (message.type === SETUP) {
      engine = new Engine(message.data);
      postMessage({ type: READY });
    } else if (message.type === QUERY) {
      const data = engine ? engine.search(message.data) : { items: [] };
      postMessage({ type: RESULT, data });
    }
  });
})();
