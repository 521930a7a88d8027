//! A human name for every grammar rule, for "expected …" messages.
//! The match has no wildcard arm: a new grammar rule does not compile until it has a name.

use super::Rule;
use crate::diagnostic::{did_you_mean, one_of};
use crate::tr;
use crate::vocab::Interval;

/// What a user calls the thing a grammar rule matches, in the process's language.
/// Names that are rule-language text only (`` `uppdrag` ``) are the same in every language.
pub fn human_name(rule: Rule) -> String {
    match rule {
        Rule::EOI => tr!("syntax-end-of-file"),
        Rule::WHITESPACE | Rule::inline_space => tr!("syntax-a-space"),
        Rule::COMMENT => tr!("syntax-rule-comment"),
        Rule::keyword => tr!("syntax-rule-keyword"),
        Rule::ident_char | Rule::ident_start | Rule::swedish_letter => tr!("syntax-rule-letter"),
        Rule::ident | Rule::table_axis | Rule::reference => tr!("syntax-a-name"),
        Rule::member => tr!("syntax-rule-member"),
        Rule::string | Rule::string_inner => tr!("syntax-rule-string"),
        Rule::digit_group => tr!("syntax-rule-digit-group"),
        Rule::int_part | Rule::number => tr!("syntax-a-number"),
        Rule::year => tr!("syntax-rule-year"),
        Rule::month => tr!("syntax-rule-month"),
        Rule::date => tr!("syntax-rule-date"),
        Rule::version_number => tr!("syntax-rule-version-number"),
        Rule::unit_name | Rule::unit => tr!("syntax-rule-unit"),
        Rule::percent => code("%"),
        Rule::file => tr!("syntax-rule-file"),
        Rule::lone_item => tr!("syntax-rule-declaration"),
        Rule::lone_quantity | Rule::quantity | Rule::signed_quantity => tr!("syntax-rule-quantity"),
        Rule::item => tr!("syntax-rule-item"),
        Rule::header_regelverk => code("regelverk \"…\""),
        Rule::header_year => tr!("syntax-rule-header-year"),
        Rule::header_version => code("version N.N"),
        Rule::header_builds_on => tr!("syntax-rule-header-builds-on"),
        Rule::header_owners => code("dokumentägare \"…\""),
        Rule::header_beslut => tr!("syntax-rule-header-beslut"),
        Rule::parameter => tr!("syntax-rule-parameter"),
        Rule::param_unit => tr!("params-rule-param-unit"),
        Rule::beslut_dnr => code("dnr \"…\""),
        Rule::beslut_about => code("avser \"…\""),
        Rule::param_value => tr!("syntax-rule-param-value"),
        Rule::param_step => tr!("syntax-rule-param-step"),
        Rule::sign | Rule::sub => code("-"),
        Rule::table => tr!("syntax-rule-table"),
        Rule::table_entry => tr!("syntax-rule-table-entry"),
        Rule::sep => code(";"),
        Rule::measure => tr!("syntax-rule-measure"),
        Rule::measure_kind => tr!("syntax-rule-measure-kind"),
        Rule::measure_signed => code(", får_vara_negativ"),
        Rule::signed_word => code("får_vara_negativ"),
        Rule::board => code("nämnd"),
        Rule::care_form => code("vårdform"),
        Rule::assignment => code("uppdrag"),
        Rule::assignment_item => tr!("syntax-rule-assignment-item"),
        Rule::source => code("källa"),
        Rule::part => code("del"),
        Rule::activities => code("verksamheter"),
        Rule::activity => tr!("syntax-rule-activity"),
        Rule::id_codes => tr!("syntax-rule-id-codes"),
        Rule::id_code | Rule::id_exact => tr!("syntax-rule-id-code"),
        Rule::code => tr!("syntax-rule-code"),
        Rule::id_prefix => tr!("syntax-rule-id-prefix"),
        Rule::id_range => tr!("syntax-rule-id-range"),
        Rule::komplement_codes => code("komplement"),
        Rule::out_of_scope => code("utanför"),
        Rule::let_binding => code("låt"),
        Rule::compensation => code("ersättning"),
        Rule::compensation_kind => tr!("syntax-rule-compensation-kind"),
        Rule::key_figure => code("nyckeltal"),
        Rule::key_figure_item => tr!("syntax-rule-key-figure-item"),
        Rule::kf_value => code("värde = …"),
        Rule::kf_interval => code("intervall"),
        Rule::interval => interval_name(),
        Rule::kf_recipient => code("mottagare"),
        Rule::kf_responsible => code("ansvarig"),
        Rule::kf_from => tr!("syntax-rule-kf-from"),
        Rule::kf_per_part => code("per del"),
        Rule::kf_impact => code("påverkan"),
        Rule::kf_target => code("mål"),
        Rule::kf_plausible => code("rimligt"),
        Rule::kf_series => code("serie"),
        Rule::kf_aggregation => code("aggregering"),
        Rule::aggregation => tr!("syntax-rule-aggregation"),
        Rule::kf_word => tr!("syntax-rule-key-figure-item"),
        Rule::kf_annualised | Rule::kf_not => code("helårsomräknad"),
        Rule::target_cmp | Rule::target_range => tr!("syntax-rule-target"),
        Rule::target_op => tr!("syntax-rule-target-op"),
        Rule::change => code("förändring"),
        Rule::change_item => tr!("syntax-rule-change-item"),
        Rule::change_kind => code("typ"),
        Rule::change_type => tr!("syntax-rule-change-type"),
        Rule::change_amount => code("belopp = …"),
        Rule::change_from => tr!("syntax-rule-change-from"),
        Rule::change_report => code("återrapportering"),
        Rule::change_to | Rule::valid_to => tr!("syntax-rule-valid-to"),
        Rule::change_decision => code("beslut \"…\""),
        Rule::validity => tr!("syntax-rule-validity"),
        Rule::valid_from => tr!("syntax-rule-change-from"),
        Rule::expr => tr!("syntax-rule-expr"),
        Rule::infix => tr!("syntax-rule-infix"),
        Rule::add => code("+"),
        Rule::mul => code("*"),
        Rule::div => code("/"),
        Rule::ge => code(">="),
        Rule::le => code("<="),
        Rule::ne => code("!="),
        Rule::eq => code("=="),
        Rule::gt => code(">"),
        Rule::lt => code("<"),
        Rule::and => code("och"),
        Rule::or => code("eller"),
        Rule::prefix | Rule::neg | Rule::not => tr!("syntax-rule-prefix"),
        Rule::primary => tr!("syntax-rule-primary"),
        Rule::conditional => code("om … då … annars …"),
        Rule::kw_om => code("om"),
        Rule::kw_da => code("då"),
        Rule::kw_annars => code("annars"),
        Rule::sum => code("summa(…)"),
        Rule::paren => tr!("syntax-rule-paren"),
        Rule::call => tr!("syntax-rule-call"),
        Rule::function => tr!("syntax-rule-function"),
        Rule::previous => code("föregående.…"),
        Rule::expectation => code("förvänta"),
        Rule::expect_item => tr!("syntax-rule-expect-item"),
        Rule::expect_input => code("indata \"…\""),
        Rule::expect_budget => code("budget uppdrag.del.mått = …"),
        Rule::expect_volume => tr!("syntax-rule-expect-volume"),
        Rule::expect_ledger => tr!("syntax-rule-expect-ledger"),
        Rule::expect_value => code("uppdrag.figur = …"),
        Rule::path => tr!("syntax-rule-path"),
    }
}

/// Rule-language text as a name: in backticks, the same in every language.
fn code(text: &str) -> String {
    format!("`{text}`")
}

/// "an interval (`månadsvis`, `delår` or `årsvis`)", from the vocabulary's interval words.
pub(super) fn interval_name() -> String {
    let words: Vec<String> = Interval::KEYWORDS.iter().map(|(_, k)| code(k)).collect();
    tr!("syntax-rule-interval", intervals = one_of(&words))
}

/// The unit names of the grammar's `unit_name`, in its order (the first that starts
/// a text is the one it tries: `platser` before `plats`), for "unknown unit" hints
/// and the hand-written reader; a test reads them out of the grammar.
pub const UNIT_NAMES: [&str; 18] = [
    "mnkr",
    "tkr",
    "kr",
    "timmar",
    "timme",
    "dygn",
    "platser",
    "plats",
    "årsarbetare",
    "besök",
    "brukare",
    "dagar",
    "dag",
    "månader",
    "månad",
    "st",
    "veckor",
    "vecka",
];

/// How to fix an unknown unit `word`: the nearest unit names, or the list of them.
pub fn unit_hint(word: &str) -> String {
    let prefix =
        UNIT_NAMES.iter().filter(|u| word.starts_with(**u) || (word.chars().count() >= 3 && u.starts_with(word))).max_by_key(|u| u.len());
    did_you_mean(word, UNIT_NAMES)
        .or_else(|| prefix.map(|u| tr!("diag-did-you-mean", names = code(u))))
        .unwrap_or_else(|| tr!("syntax-units-are"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_are_the_grammars_and_known_units() {
        for name in UNIT_NAMES {
            assert!(crate::units::Unit::named(name).is_some(), "{name} is not a unit");
            let q = crate::syntax::parse_quantity(&format!("1 {name}")).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(q.unit.is_some(), "{name}");
        }
    }

    #[test]
    fn unit_hints() {
        assert_eq!(unit_hint("kronor"), "menade du `kr`?");
        assert_eq!(unit_hint("timmer"), "menade du `timmar` eller `timme`?");
        assert!(unit_hint("fortnight").starts_with("enheterna är"));
        assert_eq!(unit_hint("veckr"), "menade du `veckor` eller `vecka`?");
    }
}
