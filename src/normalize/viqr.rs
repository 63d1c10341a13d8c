//! VIQR (Vietnet, RFC 1456 §3): 7-bit ASCII with the diacritics written after the letter:
//! `(` breve, `^` circumflex, `+` horn, then the tone `'` sắc, `` ` `` huyền, `?` hỏi, `~` ngã,
//! `.` nặng; `dd`/`DD`/`Dd` is đ/Đ; `\` before a mnemonic keeps it literal.
//!
//! A mark is applied only where the whole word then forms a legal Vietnamese syllable
//! ([`super::syllable`]); otherwise the characters stay as written. So English words, `what?`,
//! `U.S.`, `e.g.`, URLs and e-mail addresses come through unchanged, and sentence punctuation
//! after a word (`Nam.`) stays punctuation. Residual ambiguity the format itself has: an English
//! word that spells a syllable with a mark after it (`so?`, `I'm`) is read as VIQR.

use super::syllable::{self, Letter, A, AA, AW, E, EE, O, OO, OW, U, UW};

const MNEMONICS: &[u8] = b"(^+'`?~.";

/// Decodes VIQR text (ASCII). Returns the text and how many words carried VIQR marks.
pub(crate) fn decode(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut converted = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let ws = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        out.push_str(&rest[..ws]);
        rest = &rest[ws..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..end];
        rest = &rest[end..];
        if token.contains("://") || token.contains('@') || token.starts_with("www.") {
            out.push_str(token);
        } else {
            // A '.' or '?' ending the token before a capital or the end of a line is a full stop
            // or a question mark when the word reads without it ("mu`a thu. The").
            let next = rest.trim_start_matches([' ', '\t']).chars().next();
            let sentence_end = next.is_none_or(|c| c.is_uppercase() || c == '\n' || c == '\r');
            converted += decode_token(token, sentence_end, &mut out);
        }
    }
    (out, converted)
}

fn decode_token(token: &str, sentence_end: bool, out: &mut String) -> usize {
    let b = token.as_bytes();
    let mut converted = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() && MNEMONICS.contains(&b[i + 1]) {
            out.push(b[i + 1] as char);
            i += 2;
            continue;
        }
        if !b[i].is_ascii_alphabetic() {
            // Non-ASCII characters never reach here for forced VIQR; keep whatever comes.
            let c = token[i..].chars().next().unwrap_or('\u{FFFD}');
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphabetic() || MNEMONICS.contains(&b[i])) {
            i += 1;
        }
        let span = &token[start..i];
        // Try the whole span, then without trailing punctuation-like mnemonics.
        let mut end = span.len();
        if sentence_end && i == b.len() && span.len() > 1 && matches!(b[i - 1], b'.' | b'?') {
            let word = &span[..span.len() - 1];
            if let Some(w) = apply(word) {
                out.push_str(&w);
                out.push(b[i - 1] as char);
                converted += 1;
                continue;
            }
            if syllable::is_syllable(word) {
                out.push_str(span);
                continue;
            }
        }
        loop {
            if let Some(word) = apply(&span[..end]) {
                out.push_str(&word);
                out.push_str(&span[end..]);
                converted += 1;
                break;
            }
            if end > 0 && matches!(span.as_bytes()[end - 1], b'.' | b'?' | b'\'' | b'`' | b'~') {
                end -= 1;
            } else {
                out.push_str(span);
                break;
            }
        }
    }
    converted
}

/// The Vietnamese syllable `span` spells with its VIQR marks, if it has marks and spells one.
fn apply(span: &str) -> Option<String> {
    let b = span.as_bytes();
    let mut letters = [Letter::default(); syllable::MAX_LETTERS];
    let mut n = 0;
    let mut marks = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            if n == syllable::MAX_LETTERS {
                return None;
            }
            let mut l = syllable::letter(c as char)?;
            if n == 0 && (c == b'd' || c == b'D') && matches!(b.get(1), Some(b'd' | b'D')) {
                l.c = syllable::DD;
                i += 1;
                marks += 1;
            }
            letters[n] = l;
            n += 1;
            i += 1;
            continue;
        }
        let prev = letters[..n].last_mut()?;
        if prev.v == 0 {
            return None;
        }
        match c {
            b'(' if prev.v == A => prev.v = AW,
            b'^' => {
                prev.v = match prev.v {
                    A => AA,
                    E => EE,
                    O => OO,
                    _ => return None,
                }
            }
            b'+' => {
                prev.v = match prev.v {
                    O => OW,
                    U => UW,
                    _ => return None,
                }
            }
            b'\'' | b'`' | b'?' | b'~' | b'.' => {
                if letters[..n].iter().any(|l| l.tone != 0) {
                    return None;
                }
                let prev = letters[..n].last_mut()?;
                prev.tone = match c {
                    b'\'' => 1,
                    b'`' => 2,
                    b'?' => 3,
                    b'~' => 4,
                    _ => 5,
                };
            }
            _ => return None,
        }
        marks += 1;
        i += 1;
    }
    if marks == 0 {
        return None;
    }
    syllable::parse(&letters[..n])?;
    Some(letters[..n].iter().map(|l| l.to_char()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_vietnamese_and_keeps_english() {
        let (text, n) = decode("Vie^.t Nam la` mo^.t nu+o+'c. DDa(ng ddu+o+.c. Go to http://x.vn/a?b=1 or mail a.b@c.vn, what? the U.S. e.g. Mr. Smith");
        assert_eq!(
            text,
            "Việt Nam là một nước. Đăng được. Go to http://x.vn/a?b=1 or mail a.b@c.vn, what? the U.S. e.g. Mr. Smith"
        );
        assert_eq!(n, 6);
        assert_eq!(decode("\\.a Ha` No^.i.").0, ".a Hà Nội.");
    }
}
