//! Tone-mark style: moves the tone mark of each Vietnamese syllable to where the chosen style
//! puts it (hòa/hoà, thủy/thuỷ), by the syllable rule in [`super::syllable`], never by
//! rewriting substrings. Words that are not syllables (English, codes) are left alone.

use std::borrow::Cow;

use super::syllable::{self, Letter, OW, UW};
use crate::options::Tone;

/// Tracks, over the letters of one word, whether its tone mark could be misplaced: only a
/// marked plain vowel (a e i o u y) next to another vowel, or a marked ư before ơ, can be.
/// A marked â ê ô ă ơ is right in every cluster.
#[derive(Default, Clone, Copy)]
pub(crate) struct Trigger {
    prev_vowel: bool,
    prev_plain_toned: bool,
    prev_uw_toned: bool,
    /// The word may need its mark moved.
    pub(crate) fired: bool,
}

impl Trigger {
    #[inline]
    pub(crate) fn push(&mut self, l: Letter) {
        if l.v == 0 {
            self.prev_vowel = false;
            self.prev_plain_toned = false;
            self.prev_uw_toned = false;
            return;
        }
        let plain_toned = l.tone != 0 && is_plain(l.v);
        if self.prev_plain_toned || (self.prev_uw_toned && l.v == OW) || (plain_toned && self.prev_vowel) {
            self.fired = true;
        }
        self.prev_vowel = true;
        self.prev_plain_toned = plain_toned;
        self.prev_uw_toned = l.tone != 0 && l.v == UW;
    }
}

#[inline]
fn is_plain(v: u8) -> bool {
    matches!(v, syllable::A | syllable::E | syllable::I | syllable::O | syllable::U | syllable::Y)
}

/// Puts every syllable's tone mark where `style` wants it; borrows when none moves.
pub(crate) fn restyle(text: &str, style: Tone) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut word_start = 0;
    let mut trigger = Trigger::default();
    let mut in_word = false;
    let bytes_len = text.len();
    let check = |start: usize, end: usize, trigger: &Trigger, out: &mut Option<String>, copied: &mut usize| {
        if !trigger.fired {
            return;
        }
        let word = &text[start..end];
        if !syllable::needs_retone(word, style) {
            return;
        }
        let buf = out.get_or_insert_with(|| String::with_capacity(bytes_len + 16));
        buf.push_str(&text[*copied..start]);
        syllable::retone_into(word, style, buf);
        *copied = end;
    };
    for (i, c) in text.char_indices() {
        match syllable::letter(c) {
            Some(l) => {
                if !in_word {
                    in_word = true;
                    word_start = i;
                    trigger = Trigger::default();
                }
                trigger.push(l);
            }
            None => {
                if in_word {
                    check(word_start, i, &trigger, &mut out, &mut copied);
                    in_word = false;
                }
            }
        }
    }
    if in_word {
        check(word_start, text.len(), &trigger, &mut out, &mut copied);
    }
    match out {
        Some(mut buf) => {
            buf.push_str(&text[copied..]);
            Cow::Owned(buf)
        }
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restyles_whole_sentences() {
        let old = "Ủy ban hòa giải, sức khỏe, thủy lợi; quý, hoàn, suýt, khuỷu, thuở, giữa, quạ.";
        let new = "Uỷ ban hoà giải, sức khoẻ, thuỷ lợi; quý, hoàn, suýt, khuỷu, thuở, giữa, quạ.";
        assert_eq!(restyle(old, Tone::New), new);
        assert_eq!(restyle(new, Tone::Old), old);
        assert!(matches!(restyle(old, Tone::Old), Cow::Borrowed(_)));
        assert!(matches!(restyle(new, Tone::New), Cow::Borrowed(_)));
    }

    #[test]
    fn leaves_non_syllables_alone() {
        for s in ["COVID-19 hoà", "email: hoà@x.vn", "Đắk Lắk", "naïve"] {
            let once = restyle(s, Tone::Old);
            assert_eq!(restyle(&once, Tone::Old), once);
        }
        assert_eq!(restyle("Đắk Lắk", Tone::Old), "Đắk Lắk");
    }
}
