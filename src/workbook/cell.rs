//! Cell addresses, periods and the number rules of the workbook contract.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::echo::echo;

/// A cell address, 1-based row, 0-based column; Display gives `Volymer!E17`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    /// Canonical sheet name: one of `Utfall`, `Volymer`, `Budget`.
    pub sheet: &'static str,
    /// 1-based row number (for CSV files: the line where the record starts).
    pub row: u32,
    /// 0-based column number (0 is column `A`).
    pub col: u32,
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}!{}{}", self.sheet, ColumnName(self.col), self.row)
    }
}

/// Displays a 0-based column number as spreadsheet letters: 0 → `A`, 26 → `AA`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnName(pub u32);

impl fmt::Display for ColumnName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Bijective base 26; a u32 needs at most 7 letters.
        let mut letters = [0u8; 8];
        let mut len = 0;
        let mut n = u64::from(self.0) + 1;
        while n > 0 {
            n -= 1;
            letters[len] = b'A' + (n % 26) as u8;
            len += 1;
            n /= 26;
        }
        for &letter in letters[..len].iter().rev() {
            f.write_char(char::from(letter))?;
        }
        Ok(())
    }
}

/// Spreadsheet letters of a 0-based column number: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(col: u32) -> String {
    ColumnName(col).to_string()
}

/// A month of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    /// The year, e.g. 2023.
    pub year: i32,
    /// The month, 1..=12.
    pub month: u32,
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Why a text is not a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsePeriodError {
    /// The text does not have the shape `yyyy-mm`.
    Format(String),
    /// The month is not 1..=12.
    Month {
        /// The text as found.
        text: String,
        /// The month number found.
        month: u32,
    },
    /// The day does not exist in that month.
    Day {
        /// The text as found.
        text: String,
        /// The day number found.
        day: u32,
    },
}

impl fmt::Display for ParsePeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            ParsePeriodError::Format(text) => crate::tr!("wb-period-format", text = echo(text)),
            ParsePeriodError::Month { text, month } => crate::tr!("wb-period-month", text = echo(text), month = month.to_string()),
            ParsePeriodError::Day { text, day } => crate::tr!("wb-period-day", text = echo(text), day = day.to_string()),
        })
    }
}

impl std::error::Error for ParsePeriodError {}

impl FromStr for Period {
    type Err = ParsePeriodError;

    /// Parses exactly `YYYY-MM` (surrounding whitespace allowed).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_period(s.trim(), false).map_err(|fault| fault.into_error(s))
    }
}

/// Parses a period wherever one is read (a text cell, `--period`): `YYYY-MM`,
/// `YYYYMM` (as ledger exports write it: `202301`), `YYYY-MM-DD` (the day is
/// checked, then ignored), or a `YYYY-MM-DD` date followed by a time `HH:MM`,
/// `HH:MM:SS` or `HH:MM:SS.fff` (after `T` or a space, optionally ending in `Z`).
/// Nothing else may follow.
pub fn parse_period_text(s: &str) -> Result<Period, ParsePeriodError> {
    let trimmed = s.trim();
    match compact_period(trimmed) {
        Some(expanded) => parse_period(&expanded, false),
        None => parse_period(trimmed, true),
    }
    .map_err(|fault| fault.into_error(s))
}

/// `YYYYMM` (six digits) as `YYYY-MM`.
fn compact_period(s: &str) -> Option<String> {
    (s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit())).then(|| format!("{}-{}", &s[..4], &s[4..]))
}

/// The period of a number cell holding `YYYYMM` (a ledger export's `202301`):
/// read as its text by [`parse_period_text`]. `None` when the number is not a
/// whole number of six digits.
pub fn period_from_number(x: f64) -> Option<Result<Period, ParsePeriodError>> {
    let whole = x.fract() == 0.0 && (100_000.0..1_000_000.0).contains(&x);
    // In range and whole, so the cast is exact.
    whole.then(|| parse_period_text(&(x as u32).to_string()))
}

/// What is wrong with a period text, without allocating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PeriodFault {
    Format,
    Month(u32),
    Day(u32),
}

impl PeriodFault {
    fn into_error(self, text: &str) -> ParsePeriodError {
        let text = text.trim().to_string();
        match self {
            PeriodFault::Format => ParsePeriodError::Format(text),
            PeriodFault::Month(month) => ParsePeriodError::Month { text, month },
            PeriodFault::Day(day) => ParsePeriodError::Day { text, day },
        }
    }
}

fn parse_period(s: &str, allow_date: bool) -> Result<Period, PeriodFault> {
    let bytes = s.as_bytes();
    if bytes.len() < 7 || bytes[4] != b'-' {
        return Err(PeriodFault::Format);
    }
    let year = digits(&bytes[0..4]).ok_or(PeriodFault::Format)?;
    let month = digits(&bytes[5..7]).ok_or(PeriodFault::Format)?;
    let rest = &bytes[7..];
    let tail_ok = rest.is_empty() || (allow_date && is_date_tail(rest));
    if !tail_ok {
        return Err(PeriodFault::Format);
    }
    if !(1..=12).contains(&month) {
        return Err(PeriodFault::Month(month));
    }
    let year = i32::try_from(year).map_err(|_| PeriodFault::Format)?;
    if !rest.is_empty() {
        let day = digits(&rest[1..3]).ok_or(PeriodFault::Format)?;
        if day == 0 || day > days_in_month(year, month) {
            return Err(PeriodFault::Day(day));
        }
    }
    Ok(Period { year, month })
}

/// `-DD`, optionally followed by `T` or ` ` and a time.
fn is_date_tail(rest: &[u8]) -> bool {
    let day = rest.len() >= 3 && rest[0] == b'-' && digits(&rest[1..3]).is_some();
    day && (rest.len() == 3 || (matches!(rest[3], b'T' | b' ') && is_time(&rest[4..])))
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, optionally ending in `Z`, in range.
fn is_time(time: &[u8]) -> bool {
    let time = time.strip_suffix(b"Z").unwrap_or(time);
    let (clock, fraction) = match time.iter().position(|&b| b == b'.') {
        Some(at) => (&time[..at], Some(&time[at + 1..])),
        None => (time, None),
    };
    let field = |i: usize, max: u32| clock.get(i..i + 2).and_then(digits).is_some_and(|n| n <= max);
    let hm = field(0, 23) && clock.get(2) == Some(&b':') && field(3, 59);
    let ok = match clock.len() {
        5 => fraction.is_none(),
        8 => clock[5] == b':' && field(6, 60),
        _ => false,
    };
    hm && ok && fraction.is_none_or(|f| !f.is_empty() && f.iter().all(u8::is_ascii_digit))
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, &b| b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0')))
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Largest serial day a spreadsheet can hold (9999-12-31 in the 1900 system).
const MAX_SERIAL_1900: f64 = 2_958_465.0;
/// Largest serial day in the 1904 system (9999-12-31).
const MAX_SERIAL_1904: f64 = 2_957_003.0;

/// The month of a spreadsheet date serial number (days since the epoch,
/// time of day as the fraction). The 1900 system counts the non-existent
/// 1900-02-29 as day 60, as Excel does. `None` outside 1900/1904..=9999.
pub fn period_from_serial(serial: f64, is_1904: bool) -> Option<Period> {
    let max = if is_1904 { MAX_SERIAL_1904 } else { MAX_SERIAL_1900 };
    let min = if is_1904 { 0.0 } else { 1.0 };
    let day = serial.floor();
    if !(min..=max).contains(&day) {
        return None;
    }
    // In range, so the cast is exact.
    let day = day as i64;
    let unix_days = match (is_1904, day) {
        (true, d) => d - 24_107,
        (false, 60) => {
            return Some(Period { year: 1900, month: 2 });
        }
        (false, d) if d < 60 => d - 25_568,
        (false, d) => d - 25_569,
    };
    Some(civil_from_days(unix_days))
}

/// Year and month of a day count since 1970-01-01 (proleptic Gregorian).
fn civil_from_days(days: i64) -> Period {
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Period { year: year as i32, month: month as u32 }
}

/// A text value with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// The cell it was read from.
    pub cell: CellRef,
}

/// A fixed-size text buffer on the stack, for formatting without allocating.
struct StackText<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> StackText<N> {
    fn new() -> Self {
        StackText { bytes: [0; N], len: 0 }
    }

    fn push(&mut self, byte: u8) -> Option<()> {
        *self.bytes.get_mut(self.len)? = byte;
        self.len += 1;
        Some(())
    }

    fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes[..self.len]).ok()
    }
}

impl<const N: usize> fmt::Write for StackText<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Turns a spreadsheet double into the decimal it was typed as (shortest round-trip).
///
/// `None` for NaN, infinities and magnitudes beyond a `Decimal`. Digits past
/// 28 decimal places (e.g. 1e-30) are rounded away.
pub fn decimal_from_f64(x: f64) -> Option<Decimal> {
    if !x.is_finite() {
        return None;
    }
    if x == 0.0 {
        return Some(Decimal::ZERO);
    }
    // The same shortest round-trip digits by ryu, without the formatting machinery: a
    // plain `1713042.16` (or `5.0` for 5) is read straight; an exponent takes the long way.
    let mut digits = ryu::Buffer::new();
    let short = digits.format_finite(x);
    if let Some(value) = plain_number(short.strip_suffix(".0").unwrap_or(short)) {
        return Some(value);
    }
    // Display of an f64 is the shortest round-trip text without exponent;
    // the longest (5e-324) is 326 characters.
    let mut text = StackText::<400>::new();
    write!(text, "{x}").ok()?;
    let value = Decimal::from_str(text.as_str()?).ok()?;
    Some(if value.is_zero() { Decimal::ZERO } else { value })
}

/// Thousands separators accepted inside numbers: space, no-break space, narrow no-break space.
fn is_group_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}')
}

/// Parses a number as found in a cell.
///
/// Accepts an optional sign (`+`, `-` or the minus sign U+2212), digits with
/// optional thousands separators (space, U+00A0 or U+202F, between groups of
/// three), and at most one decimal separator, `,` or `.`: `1 234,50`,
/// `-12,5`, `1234.5`, `−7`. Surrounding whitespace is ignored. Anything else
/// (`tolv`, ``, `1,2,3`, `1e5`, `12 34`) is `None`, and so is a number a
/// decimal cannot hold exactly (see [`swedish_number`]).
pub fn parse_swedish_number(text: &str) -> Option<Decimal> {
    swedish_number(text).ok()
}

/// Why a cell's text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberFault {
    /// Not written as a number at all (`tolv`, `1,2,3`).
    NotANumber,
    /// Written as a number, but with more digits than a decimal holds exactly
    /// (beyond ±79 228 162 514 264 337 593 543 950 335, or past 28 decimals):
    /// never rounded silently.
    Inexact,
}

/// Parses a number as [`parse_swedish_number`] does, saying why it is not one.
pub fn swedish_number(text: &str) -> Result<Decimal, NumberFault> {
    plain_number(text).map_or_else(|| any_number(text), Ok)
}

/// [`swedish_number`] for every shape (the common one is [`plain_number`]).
fn any_number(text: &str) -> Result<Decimal, NumberFault> {
    let text = text.trim_matches(|c: char| c.is_whitespace() || is_group_separator(c));
    let (negative, body) = split_sign(text);
    let (int_part, frac_part) = match body.find([',', '.']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let shaped = grouped_digits(int_part) && frac_part.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    if !shaped || (int_part.is_empty() && frac_part.is_none()) {
        return Err(NumberFault::NotANumber);
    }
    let mut out = StackText::<64>::new();
    exact_text(negative, int_part, frac_part, &mut out).ok_or(NumberFault::Inexact)?;
    let value = Decimal::from_str_exact(out.as_str().ok_or(NumberFault::Inexact)?).map_err(|_| NumberFault::Inexact)?;
    Ok(if value.is_zero() { Decimal::ZERO } else { value })
}

/// The common shape read without copying: `-?D+([,.]D+)?`, ASCII, at most 18 digits
/// (so the digits fit an `i64`); `None` for anything else, left to [`swedish_number`].
/// The same value and scale as that reading: `1234,50` is 123450 × 10⁻².
pub(crate) fn plain_number(text: &str) -> Option<Decimal> {
    plain_digits(text, true)
}

/// [`plain_number`], and with `dot` false a `.` is not the shape (`1.234` may be
/// thousands to a Swede, and the general path weighs that).
///
/// Runs once per ledger posting: a byte at a time without overflow checks (18 digits
/// are below 10¹⁸ < 2⁶³) and the `Decimal` made from its parts.
pub(crate) fn plain_digits(text: &str, dot: bool) -> Option<Decimal> {
    let (negative, digits) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        bytes => (false, bytes),
    };
    let len = digits.len();
    if len == 0 || len > 18 {
        return None;
    }
    let (mut mantissa, mut point) = (0u64, None);
    for (i, &b) in digits.iter().enumerate() {
        let digit = b.wrapping_sub(b'0');
        if digit < 10 {
            mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(digit));
        } else if (b == b',' || (dot && b == b'.')) && point.is_none() && i > 0 && i + 1 < len {
            point = Some(i);
        } else {
            return None;
        }
    }
    if mantissa == 0 {
        return Some(Decimal::ZERO);
    }
    let scale = point.map_or(0, |i| (len - i - 1) as u32);
    Some(Decimal::from_parts(mantissa as u32, (mantissa >> 32) as u32, 0, negative, scale))
}

/// Writes a number already known to be well formed as plain text (`-1234.5`);
/// `None` when it is too long for any exact decimal.
fn exact_text<const N: usize>(negative: bool, int_part: &str, frac: Option<&str>, out: &mut StackText<N>) -> Option<()> {
    if negative {
        out.push(b'-')?;
    }
    int_part.bytes().filter(u8::is_ascii_digit).try_for_each(|b| out.push(b))?;
    if let Some(frac) = frac {
        if int_part.is_empty() {
            out.push(b'0')?;
        }
        out.push(b'.')?;
        frac.bytes().try_for_each(|b| out.push(b))?;
    }
    Some(())
}

fn split_sign(text: &str) -> (bool, &str) {
    if let Some(rest) = text.strip_prefix('-') {
        (true, rest)
    } else if let Some(rest) = text.strip_prefix('\u{2212}') {
        (true, rest)
    } else if let Some(rest) = text.strip_prefix('+') {
        (false, rest)
    } else {
        (false, text)
    }
}

/// Whether an integer part is digits, with separators only between groups of
/// three digits (the first group has 1-3).
fn grouped_digits(int_part: &str) -> bool {
    let mut groups = int_part.split(is_group_separator);
    let first = groups.next().unwrap_or_default();
    let grouped = int_part.len() != first.len();
    if grouped && !(1..=3).contains(&first.len()) {
        return false;
    }
    std::iter::once(first)
        .chain(groups)
        .enumerate()
        .all(|(index, group)| (index == 0 || group.len() == 3) && group.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests;
