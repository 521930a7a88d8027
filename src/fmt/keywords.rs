//! The words the printer writes, each a literal of `grammar/ekostyr.pest`.
//!
//! The grammar is where keywords are defined; a test below fails when one of
//! these is no longer a literal there, so the printer cannot drift from it.

pub(super) const REGELVERK: &str = "regelverk";
pub(super) const ÅR: &str = "år";
pub(super) const VERSION: &str = "version";
pub(super) const BYGGER_PÅ: &str = "bygger_på";
pub(super) const DOKUMENTÄGARE: &str = "dokumentägare";
pub(super) const BESLUT: &str = "beslut";
pub(super) const DNR: &str = "dnr";
pub(super) const AVSER: &str = "avser";
pub(super) const PARAMETER: &str = "parameter";
pub(super) const PER: &str = "per";
pub(super) const MÅTT: &str = "mått";
pub(super) const BUDGET: &str = "budget";
pub(super) const VOLYM: &str = "volym";
pub(super) const FÅR_VARA_NEGATIV: &str = "får_vara_negativ";
pub(super) const NÄMND: &str = "nämnd";
pub(super) const VÅRDFORM: &str = "vårdform";
pub(super) const UPPDRAG: &str = "uppdrag";
pub(super) const KÄLLA: &str = "källa";
pub(super) const DEL: &str = "del";
pub(super) const ID: &str = "id";
pub(super) const VERKSAMHETER: &str = "verksamheter";
pub(super) const LÅT: &str = "låt";
pub(super) const ERSÄTTNING: &str = "ersättning";
pub(super) const FAST: &str = "fast";
pub(super) const RÖRLIG: &str = "rörlig";
pub(super) const NYCKELTAL: &str = "nyckeltal";
pub(super) const VÄRDE: &str = "värde";
pub(super) const INTERVALL: &str = "intervall";
pub(super) const MOTTAGARE: &str = "mottagare";
pub(super) const ANSVARIG: &str = "ansvarig";
pub(super) const FRÅN: &str = "från";
pub(super) const MÅL: &str = "mål";
pub(super) const RIMLIGT: &str = "rimligt";
pub(super) const PÅVERKAN: &str = "påverkan";
pub(super) const FÖRÄNDRING: &str = "förändring";
pub(super) const TYP: &str = "typ";
pub(super) const STATSBIDRAG: &str = "statsbidrag";
pub(super) const ÖVERTAGANDE: &str = "övertagande";
pub(super) const RIKTAD_SATSNING: &str = "riktad_satsning";
pub(super) const STÖRRE_FÖRÄNDRING: &str = "större_förändring";
pub(super) const JUSTERING: &str = "justering";
pub(super) const TILL: &str = "till";
pub(super) const SENAST: &str = "senast";
pub(super) const BELOPP: &str = "belopp";
pub(super) const ÅTERRAPPORTERING: &str = "återrapportering";
pub(super) const FÖRVÄNTA: &str = "förvänta";
pub(super) const INDATA: &str = "indata";
pub(super) const UTFALL: &str = "utfall";
pub(super) const OM: &str = "om";
pub(super) const DÅ: &str = "då";
pub(super) const ANNARS: &str = "annars";
pub(super) const INTE: &str = "inte";
pub(super) const SUMMA: &str = "summa";
pub(super) const FÖREGÅENDE: &str = "föregående";
pub(super) const SERIE: &str = "serie";
pub(super) const AGGREGERING: &str = "aggregering";
pub(super) const HELÅRSOMRÄKNAD: &str = "helårsomräknad";
pub(super) const EJ: &str = "ej";

/// The key-figure words of issue 9, checked against the grammar on their own.
#[cfg(test)]
const KEY_FIGURE_WORDS: [&str; 4] = [SERIE, AGGREGERING, HELÅRSOMRÄKNAD, EJ];
pub(super) const KOMPLEMENT: &str = "komplement";
pub(super) const UTANFÖR: &str = "utanför";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::{BinOp, Function};

    const GRAMMAR: &str = include_str!("../../grammar/ekostyr.pest");

    const ALL: [&str; 55] = [
        FÅR_VARA_NEGATIV,
        KOMPLEMENT,
        UTANFÖR,
        REGELVERK,
        ÅR,
        VERSION,
        BYGGER_PÅ,
        DOKUMENTÄGARE,
        BESLUT,
        DNR,
        PARAMETER,
        PER,
        MÅTT,
        BUDGET,
        VOLYM,
        NÄMND,
        VÅRDFORM,
        UPPDRAG,
        KÄLLA,
        DEL,
        ID,
        VERKSAMHETER,
        LÅT,
        ERSÄTTNING,
        FAST,
        RÖRLIG,
        NYCKELTAL,
        VÄRDE,
        INTERVALL,
        MOTTAGARE,
        ANSVARIG,
        FRÅN,
        MÅL,
        RIMLIGT,
        PÅVERKAN,
        FÖRÄNDRING,
        TYP,
        STATSBIDRAG,
        ÖVERTAGANDE,
        RIKTAD_SATSNING,
        STÖRRE_FÖRÄNDRING,
        JUSTERING,
        TILL,
        SENAST,
        BELOPP,
        ÅTERRAPPORTERING,
        FÖRVÄNTA,
        INDATA,
        UTFALL,
        OM,
        DÅ,
        ANNARS,
        INTE,
        SUMMA,
        FÖREGÅENDE,
    ];

    fn is_grammar_literal(word: &str) -> bool {
        GRAMMAR.contains(&format!("\"{word}\""))
    }

    #[test]
    fn every_keyword_is_a_grammar_literal() {
        let missing: Vec<&str> = ALL.into_iter().filter(|k| !is_grammar_literal(k)).collect();
        assert!(missing.is_empty(), "not in the grammar: {missing:?}");
    }

    #[test]
    fn the_decision_words_are_grammar_literals() {
        assert!(is_grammar_literal(AVSER));
    }

    #[test]
    fn every_key_figure_word_is_a_grammar_literal() {
        let missing: Vec<&str> = KEY_FIGURE_WORDS.into_iter().filter(|k| !is_grammar_literal(k)).collect();
        assert!(missing.is_empty(), "not in the grammar: {missing:?}");
    }

    #[test]
    fn every_operator_and_function_is_a_grammar_literal() {
        let ops = [BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div, BinOp::Lt, BinOp::Le];
        let more = [BinOp::Gt, BinOp::Ge, BinOp::Eq, BinOp::Ne, BinOp::And, BinOp::Or];
        for op in ops.into_iter().chain(more) {
            assert!(is_grammar_literal(op.symbol()), "{}", op.symbol());
        }
        for (_, keyword) in crate::vocab::Interval::KEYWORDS {
            assert!(is_grammar_literal(keyword), "{keyword}");
        }
        let functions = [Function::Min, Function::Max, Function::Round, Function::Budget, Function::Volume];
        for f in functions {
            assert!(is_grammar_literal(f.name()), "{}", f.name());
        }
    }
}
