/*
 * starkit site search: searches the lessons in the browser with lunr, from the index the build
 * wrote to search/search-index.js (window.starkitSearchIndex). No request leaves the site and
 * nothing is fetched, so it also works when the site is opened from disk. Without JavaScript the
 * page lists the whole catalog instead.
 *
 * Every word of the query must match a lesson (in any field): exactly, after stemming; as the
 * start of a word; or with one typo (after stemming, so 'dictionery' finds 'dictionary'). Results are the
 * catalog's own entries of the matching lessons, best first, narrowed by level and time
 * commitment. The page records how long building the index and each search took, in
 * milliseconds, in data-index-ms and data-search-ms on the results list.
 */
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var levelSelect = document.getElementById('search-level');
  var formatSelect = document.getElementById('search-format');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var catalog = document.getElementById('search-catalog');
  var data = window.starkitSearchIndex;
  if (!form || !input || !results || !catalog || !window.lunr || !data || !data.lessons) {
    return; // the catalog stays as it is, as without JavaScript
  }
  var lunr = window.lunr;
  var now = window.performance && performance.now ? function () { return performance.now(); }
    : function () { return Date.now(); };

  var order = {};
  var entries = {};
  var i;
  for (i = 0; i < data.lessons.length; i++) {
    order[data.lessons[i].id] = i;
  }
  var items = catalog.querySelectorAll('li[data-id]');
  for (i = 0; i < items.length; i++) {
    entries[items[i].getAttribute('data-id')] = items[i];
  }

  var started = now();
  var index = lunr(function () {
    this.ref('id');
    this.field('title', { boost: 10 });
    this.field('tags', { boost: 6 });
    this.field('summary', { boost: 4 });
    this.field('objectives', { boost: 2 });
    this.field('words');
    for (var j = 0; j < data.lessons.length; j++) {
      var l = data.lessons[j];
      this.add({ id: l.id, title: l.title, tags: l.tags.join(' '), summary: l.summary,
        objectives: l.objectives.join(' '), words: l.words });
    }
  });
  results.setAttribute('data-index-ms', (now() - started).toFixed(2));

  /** The query's words as lunr sees them, without stop words, which the index does not hold. */
  function termsOf(query) {
    var out = [];
    var tokens = lunr.tokenizer(query);
    for (var j = 0; j < tokens.length; j++) {
      var t = tokens[j].toString().replace(/^\W+/, '').replace(/\W+$/, '');
      if (t && lunr.stopWordFilter(t) !== undefined && out.indexOf(t) < 0) {
        out.push(t);
      }
    }
    return out;
  }

  /** Scores of the lessons matching one word: exactly, as a prefix, or with a typo. */
  function matches(term) {
    var found = index.query(function (q) {
      q.term(term, { boost: 10 });
      if (term.length >= 3) {
        q.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 3 });
      }
      if (term.length >= 4) {
        q.term(term, { editDistance: 1, boost: 1 });
      }
    });
    var scores = {};
    for (var j = 0; j < found.length; j++) {
      scores[found[j].ref] = found[j].score;
    }
    return scores;
  }

  /** Ids of the matching lessons, best first; every lesson in catalog order for no words. */
  function search(query, level, format) {
    var terms = termsOf(query);
    var scores = null;
    var ref;
    if (query.replace(/\s+/g, '') !== '' && terms.length === 0) {
      scores = {}; // only stop words: nothing can match
    }
    for (var j = 0; j < terms.length; j++) {
      var these = matches(terms[j]);
      if (scores === null) {
        scores = these;
      } else {
        for (ref in scores) {
          if (Object.prototype.hasOwnProperty.call(scores, ref)) {
            if (these[ref] === undefined) {
              delete scores[ref];
            } else {
              scores[ref] += these[ref];
            }
          }
        }
      }
    }
    var ids = [];
    for (var k = 0; k < data.lessons.length; k++) {
      var l = data.lessons[k];
      if ((scores === null || scores[l.id] !== undefined) && (!level || l.level === level)
          && (!format || l.format === format)) {
        ids.push(l.id);
      }
    }
    if (scores !== null) {
      ids.sort(function (a, b) { return scores[b] - scores[a] || order[a] - order[b]; });
    }
    return ids;
  }

  // One search while the page loads, so that the reader's first search runs as fast as later ones
  // (the browser compiles lunr's query code on first use).
  matches('warmup');

  function message(key, count) {
    return (status.getAttribute('data-' + key) || '').replace('{count}', String(count));
  }

  function show() {
    var query = input.value;
    var level = levelSelect ? levelSelect.value : '';
    var format = formatSelect ? formatSelect.value : '';
    var active = query.replace(/\s+/g, '') !== '' || level !== '' || format !== '';
    var started = now();
    var ids = active ? search(query, level, format) : [];
    while (results.firstChild) {
      results.removeChild(results.firstChild);
    }
    for (var j = 0; j < ids.length; j++) {
      var entry = entries[ids[j]];
      if (entry) {
        var item = entry.cloneNode(true);
        item.removeAttribute('id');
        results.appendChild(item);
      }
    }
    results.setAttribute('data-search-ms', (now() - started).toFixed(2));
    results.setAttribute('data-count', String(ids.length));
    results.hidden = !active || ids.length === 0;
    catalog.hidden = active;
    status.textContent = !active ? '' : ids.length === 0 ? message('none', 0)
      : message(ids.length === 1 ? 'one' : 'many', ids.length);
    remember(query, level, format);
  }

  /** Keeps the query in the address, so that it can be shared and survives going back. */
  function remember(query, level, format) {
    var parts = [];
    if (query) { parts.push('q=' + encodeURIComponent(query)); }
    if (level) { parts.push('level=' + encodeURIComponent(level)); }
    if (format) { parts.push('format=' + encodeURIComponent(format)); }
    try {
      var address = window.location.pathname + (parts.length ? '?' + parts.join('&') : '') + window.location.hash;
      if (address !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(null, '', address);
      }
    } catch (e) {
      // some browsers refuse this for pages opened from disk; the search still works
    }
  }

  function param(name) {
    var pairs = window.location.search.replace(/^\?/, '').split('&');
    for (var j = 0; j < pairs.length; j++) {
      var eq = pairs[j].indexOf('=');
      var key = eq < 0 ? pairs[j] : pairs[j].slice(0, eq);
      if (key === name) {
        try {
          return decodeURIComponent((eq < 0 ? '' : pairs[j].slice(eq + 1)).replace(/\+/g, ' '));
        } catch (e) {
          return '';
        }
      }
    }
    return '';
  }

  function choose(select, value) {
    if (!select) { return; }
    for (var j = 0; j < select.options.length; j++) {
      if (select.options[j].value === value) {
        select.value = value;
        return;
      }
    }
  }

  function links() {
    return results.hidden ? [] : results.querySelectorAll('li > a');
  }

  function move(from, step) {
    var list = links();
    for (var j = 0; j < list.length; j++) {
      if (list[j] === from) {
        if (j + step < 0) {
          input.focus();
        } else if (j + step < list.length) {
          list[j + step].focus();
        }
        return;
      }
    }
  }

  input.addEventListener('input', show);
  if (levelSelect) { levelSelect.addEventListener('change', show); }
  if (formatSelect) { formatSelect.addEventListener('change', show); }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show();
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown' || event.key === 'Down') {
      var list = links();
      if (list.length) {
        event.preventDefault();
        list[0].focus();
      }
    }
  });
  results.addEventListener('keydown', function (event) {
    var target = event.target;
    if (!target || target.tagName !== 'A') { return; }
    if (event.key === 'ArrowDown' || event.key === 'Down') {
      event.preventDefault();
      move(target, 1);
    } else if (event.key === 'ArrowUp' || event.key === 'Up') {
      event.preventDefault();
      move(target, -1);
    } else if (event.key === 'Escape' || event.key === 'Esc') {
      event.preventDefault();
      input.focus();
    }
  });

  input.value = param('q');
  choose(levelSelect, param('level'));
  choose(formatSelect, param('format'));
  form.hidden = false;
  show();
  results.setAttribute('data-ready', 'true');
}());
