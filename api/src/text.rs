//! Text folding shared by sorting, searching and slugs, computed in Rust so that SQLite and
//! PostgreSQL order and match identically.

use unicode_normalization::UnicodeNormalization;

/// Lower-cases `s` and strips Latin diacritics (U+0300..U+036F after canonical decomposition).
///
/// Thai vowel and tone marks are outside that range, so Thai text is kept as typed.
pub fn fold(s: &str) -> String {
    s.trim()
        .nfd()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .nfc()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect()
}

/// The text a city or network is searched by: its folded names joined by a newline.
pub fn search_text(names: &[Option<&str>]) -> String {
    names
        .iter()
        .flatten()
        .map(|n| fold(n))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A `LIKE` pattern matching `needle` anywhere, with `\` escaping `%`, `_` and `\` itself.
pub fn contains_pattern(needle: &str) -> String {
    let mut pattern = String::with_capacity(needle.len() + 2);
    pattern.push('%');
    for c in fold(needle).chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// A URL slug: folded, ASCII letters and digits, words joined by `-`.
pub fn slugify(s: &str) -> String {
    let mut slug = String::with_capacity(s.len());
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') && c != '\'' {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_latin_accents_and_case() {
        assert_eq!(fold("Córdoba"), "cordoba");
        assert_eq!(fold("  Yaoundé 1er "), "yaounde 1er");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
    }

    #[test]
    fn fold_keeps_thai_marks() {
        assert_eq!(fold("เชียงใหม่"), "เชียงใหม่");
        assert_eq!(fold("พะเยา"), "พะเยา");
    }

    #[test]
    fn slugs_are_ascii_words() {
        assert_eq!(slugify("'s-Hertogenbosch"), "s-hertogenbosch");
        assert_eq!(slugify("Seo-gu (Gwangju)"), "seo-gu-gwangju");
        assert_eq!(
            slugify("Kara - Commune de Kozah 1"),
            "kara-commune-de-kozah-1"
        );
        assert_eq!(slugify("São Filipe"), "sao-filipe");
    }

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(contains_pattern("50%_a\\"), "%50\\%\\_a\\\\%");
        assert_eq!(contains_pattern("CHIANG"), "%chiang%");
    }
}
