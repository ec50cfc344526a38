//! Near-duplicate names: equal once folded (case, accents, spaces and punctuation), or within a
//! small edit distance of each other.

use crate::text::fold;

/// A name reduced to lowercase letters and digits, accents and separators dropped.
pub fn key(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The Levenshtein distance between two strings, counted in characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// Whether two names of the same country look like the same place: equal keys, or keys of at
/// least five characters within one edit (two for keys of ten or more).
pub fn near_duplicates(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    if a == b {
        return true;
    }
    let shorter = a.chars().count().min(b.chars().count());
    let allowed = match shorter {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    };
    allowed > 0 && distance(&a, &b) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_separators() {
        assert!(near_duplicates("Cao Lãnh", "cao lanh"));
        assert!(near_duplicates("Hat Yai", "Hat-Yai"));
        assert!(near_duplicates("Chiang Mai", "ChiangMai"));
    }

    #[test]
    fn small_edits_count_only_for_long_enough_names() {
        assert!(near_duplicates("Phayao", "Payao"));
        assert!(near_duplicates("Chachoengsao", "Chachoengsau"));
        assert!(
            !near_duplicates("Yala", "Yale"),
            "short names differ by one letter often"
        );
        assert!(!near_duplicates("Phayao", "Phuket"));
        assert!(!near_duplicates("Nonsan", "Nonsan City Council Region"));
    }

    #[test]
    fn distance_counts_characters() {
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("พะเยา", "พะเยา"), 0);
        assert_eq!(distance("พะเยา", "พเยา"), 1);
    }
}
