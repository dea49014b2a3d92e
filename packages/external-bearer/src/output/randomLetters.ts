// Letters an English word or an error name spells with (y counts as a vowel here).
const VOWEL = /[aeiouy]/;
// Consonant pairs that spell one sound; counted as one consonant so "length" or "straightforward"
// do not look like noise.
const DIGRAPHS = /th|ch|sh|ph|gh|ck|ng|wh/g;
// CamelCase parts: an acronym (upper case not followed by lower case) or a capitalised/lower word.
const CAMEL_PARTS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g;

/** A one-case word that no language spells: a cluster of 4+ consonants, or almost no vowels. */
function unpronounceable(word: string): boolean {
  const folded = word.toLowerCase().replace(DIGRAPHS, 'T');
  let vowels = 0;
  let cluster = 0;
  let longest = 0;
  for (const letter of folded) {
    if (VOWEL.test(letter)) {
      vowels++;
      cluster = 0;
    } else {
      cluster++;
      longest = Math.max(longest, cluster);
    }
  }
  return longest >= 4 || vowels / folded.length < 0.15;
}

/**
 * Whether a run of 16+ letters (no digits, so the mixed-run rule cannot see it) looks generated
 * rather than written: random mixed case breaks into many one-letter or all-caps CamelCase parts
 * (`QwErTyUi`), and random one-case text has consonant clusters no word has. Error names
 * (`ExpiredTokenException`, `XMLHttpRequestFailed`) and long words survive. A heuristic: with 20
 * random letters it catches about 96% of one-case and 97% of mixed-case runs.
 */
export function looksRandomLetters(run: string): boolean {
  if (run === run.toLowerCase() || run === run.toUpperCase()) return unpronounceable(run);
  const parts = run.match(CAMEL_PARTS) ?? [];
  const lone = parts.filter((part) => /^[A-Z]?[a-z]$/.test(part)).length;
  const caps = parts.filter((part) => /^[A-Z]+$/.test(part)).length;
  if (lone >= 2 || lone + caps >= 3) return true;
  return parts.some((part) => part.length >= 5 && /[a-z]/.test(part) && unpronounceable(part));
}
