// src/hyphenation.ts
import * as de from "@react-pdf/hyphenate/de";
import * as en from "@react-pdf/hyphenate/en-gb";
import * as tr from "@react-pdf/hyphenate/tr";
var patterns = {
  de: de.syllables,
  en: en.syllables,
  tr: tr.syllables
};
var LEFT_MIN = 2;
var RIGHT_MIN = 3;
var MIN_WORD = 6;
var LETTER = /\p{L}/u;
function hyphenatorFor(locale) {
  const syllables4 = patterns[locale.split("-")[0]];
  if (!syllables4) return (word) => [word];
  const cache = /* @__PURE__ */ new Map();
  return (word) => {
    let parts = cache.get(word);
    if (!parts) {
      parts = split(word, syllables4);
      cache.set(word, parts);
    }
    return parts;
  };
}
function split(word, syllables4) {
  const m = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/su.exec(word);
  if (!m || m[2].length < MIN_WORD) return [word];
  const [, before, core, after] = m;
  const pieces = core.split(/(?<=[-\u2010])/);
  const out = [];
  for (const piece of pieces) {
    const syl = piece.length >= MIN_WORD ? tighten(syllables4(piece)) : [piece];
    if (out.length > 0) out[out.length - 1] += syl.shift() ?? "";
    out.push(...syl);
  }
  out[0] = before + out[0];
  out[out.length - 1] += after;
  return out.filter((p) => p.length > 0);
}
function tighten(syl) {
  const out = [...syl];
  const letters = (s) => [...s].filter((c) => LETTER.test(c)).length;
  while (out.length > 1 && letters(out[0]) < LEFT_MIN) out.splice(0, 2, out[0] + out[1]);
  while (out.length > 1 && letters(out.at(-1)) < RIGHT_MIN) out.splice(-2, 2, out.at(-2) + out.at(-1));
  return out;
}

// t.mts
var h = hyphenatorFor("de");
for (const w of ["Datenschutzgrundverordnung", "Social-Media-Kan\xE4le", "Teilnehmer*innen", "\u201EZoom-Bombing\u201C", "Videokonferenz-Anwendung", "Gesch\xE4ftsstelle,", "Aufmerksamkeitstracking", "Zoom", "ein/e", "Qualit\xE4t", "Datenschutzeinstellungen"]) console.log(w, JSON.stringify(h(w)));
var t = hyphenatorFor("tr");
for (const w of ["Datenschutzgrundverordnung", "toplant\u0131lar\u0131m\u0131z\u0131", "\u0130leti\u015Fim", "g\xF6r\xFCnt\xFCl\xFC"]) console.log(w, JSON.stringify(t(w)));
