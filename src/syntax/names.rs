//! A human name for every grammar rule, for "expected …" messages.
//! The match has no wildcard arm: a new grammar rule does not compile until it has a name.

use super::Rule;

/// What a user calls the thing a grammar rule matches.
pub fn human_name(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "the end of the file",
        Rule::WHITESPACE | Rule::inline_space => "a space",
        Rule::COMMENT => "a comment",
        Rule::keyword => "a keyword",
        Rule::ident_char | Rule::ident_start => "a letter",
        Rule::ident | Rule::table_axis => "a name",
        Rule::member => "a name after `.`",
        Rule::string | Rule::string_inner => "a string in double quotes",
        Rule::digit_group => "three digits",
        Rule::int_part | Rule::number => "a number",
        Rule::year => "a year such as `2023`",
        Rule::month => "a month such as `2024-07`",
        Rule::date => "a date such as `2023-06-19`",
        Rule::version_number => "a version number such as `1.0`",
        Rule::unit_name | Rule::unit => {
            "a unit (`kr`, `tkr`, `mnkr`, `timmar`, `dygn`, `platser`, `årsarbetare`, `besök`, `%`, `kr/timme`, …)"
        }
        Rule::percent => "`%`",
        Rule::file => "a rule file",
        Rule::lone_item => "a declaration",
        Rule::lone_quantity => "a number with an optional unit",
        Rule::item => "a declaration (`parameter`, `mått`, `nämnd`, `förvänta`, or a header such as `år`)",
        Rule::header_regelverk => "`regelverk \"…\"`",
        Rule::header_year => "`år YYYY`",
        Rule::header_version => "`version N.N`",
        Rule::header_builds_on => "`bygger_på \"file.ek\"`",
        Rule::header_owners => "`dokumentägare \"…\"`",
        Rule::header_beslut => "`beslut \"nämnd\" YYYY-MM-DD dnr \"…\"`",
        Rule::parameter => "a parameter",
        Rule::param_value => "a parameter value",
        Rule::quantity | Rule::signed_quantity => "a number with an optional unit",
        Rule::sign => "`-`",
        Rule::table => "a table `per del { … }`",
        Rule::table_entry => "a table entry `name: value`",
        Rule::sep => "`;`",
        Rule::measure => "a measure `mått budget|volym name: unit`",
        Rule::measure_kind => "`budget` or `volym`",
        Rule::board => "`nämnd`",
        Rule::care_form => "`vårdform`",
        Rule::assignment => "`uppdrag`",
        Rule::assignment_item => "an assignment item (`del`, `id`, `ersättning`, `nyckeltal`, …)",
        Rule::source => "`källa`",
        Rule::part => "`del`",
        Rule::activities => "`verksamheter`",
        Rule::activity => "an activity `\"name\" id …`",
        Rule::id_codes => "`id` codes",
        Rule::id_code | Rule::id_exact => "an ID code such as `L1401`",
        Rule::code => "an ID code",
        Rule::id_prefix => "an ID prefix such as `L14*`",
        Rule::id_range => "an ID range such as `L1401..L1409`",
        Rule::let_binding => "`låt`",
        Rule::compensation => "`ersättning`",
        Rule::compensation_kind => "`fast` or `rörlig`",
        Rule::key_figure => "`nyckeltal`",
        Rule::key_figure_item => "a key figure item (`värde`, `intervall`, `mottagare`, `ansvarig`, `från`, `mål`, `per del`, `påverkan`)",
        Rule::kf_value => "`värde = …`",
        Rule::kf_interval => "`intervall`",
        Rule::interval => "an interval (`månadsvis`, `delår` or `årsvis`)",
        Rule::kf_recipient => "`mottagare`",
        Rule::kf_responsible => "`ansvarig`",
        Rule::kf_from => "`från YYYY`",
        Rule::kf_per_part => "`per del`",
        Rule::kf_impact => "`påverkan`",
        Rule::kf_target => "`mål`",
        Rule::target_cmp | Rule::target_range => "a target (`>= 95 %`, `<= 1 %` or `95 % .. 105 %`)",
        Rule::target_op => "`>=` or `<=`",
        Rule::change => "`förändring`",
        Rule::change_item => "a change item (`typ`, `belopp`, `från`, `återrapportering`)",
        Rule::change_kind => "`typ`",
        Rule::change_type => "a change kind (`statsbidrag`, `övertagande` or `riktad_satsning`)",
        Rule::change_amount => "`belopp = …`",
        Rule::change_from => "`från YYYY-MM`",
        Rule::change_report => "`återrapportering`",
        Rule::expr => "a formula",
        Rule::infix => "an operator",
        Rule::add => "`+`",
        Rule::sub => "`-`",
        Rule::mul => "`*`",
        Rule::div => "`/`",
        Rule::ge => "`>=`",
        Rule::le => "`<=`",
        Rule::ne => "`!=`",
        Rule::eq => "`==`",
        Rule::gt => "`>`",
        Rule::lt => "`<`",
        Rule::and => "`och`",
        Rule::or => "`eller`",
        Rule::prefix | Rule::neg | Rule::not => "`-` or `inte`",
        Rule::primary => "a value (a number, a name, a function call or `(`)",
        Rule::conditional => "`om … då … annars …`",
        Rule::kw_om => "`om`",
        Rule::kw_da => "`då`",
        Rule::kw_annars => "`annars`",
        Rule::sum => "`summa(…)`",
        Rule::paren => "a formula in parentheses",
        Rule::call => "a function call",
        Rule::function => "a function (`min`, `max`, `avrunda`, `budget`, `volym`)",
        Rule::previous => "`föregående.…`",
        Rule::reference => "a name",
        Rule::expectation => "`förvänta`",
        Rule::expect_item => "an expectation line",
        Rule::expect_input => "`indata \"…\"`",
        Rule::expect_budget => "`budget uppdrag.del.mått = …`",
        Rule::expect_volume => "`volym YYYY-MM uppdrag.del.mått = …`",
        Rule::expect_ledger => "`utfall YYYY-MM ID = …`",
        Rule::expect_value => "`uppdrag.figur = …`",
        Rule::path => "a dotted name such as `vårdboende.fast`",
    }
}

/// The unit names of the grammar's `unit_name`, for "unknown unit" hints.
pub const UNIT_NAMES: [&str; 16] = [
    "kr",
    "tkr",
    "mnkr",
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
];

/// How to fix an unknown unit `word`: the nearest unit names, or the list of them.
pub fn unit_hint(word: &str) -> String {
    let prefix =
        UNIT_NAMES.iter().filter(|u| word.starts_with(**u) || (word.chars().count() >= 3 && u.starts_with(word))).max_by_key(|u| u.len());
    crate::diagnostic::did_you_mean(word, UNIT_NAMES)
        .or_else(|| prefix.map(|u| format!("did you mean `{u}`?")))
        .unwrap_or_else(|| "units are `kr`, `tkr`, `mnkr`, `timmar`, `dygn`, `platser`, `årsarbetare`, `besök`, `brukare`, `dagar`, `månader`, `st`, `%` and quotients such as `kr/timme`".into())
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
        assert_eq!(unit_hint("kronor"), "did you mean `kr`?");
        assert_eq!(unit_hint("timmer"), "did you mean `timmar` or `timme`?");
        assert!(unit_hint("vecka").starts_with("units are"));
    }
}
