//! Units: what follows (or, for currencies, precedes) a number, and how to
//! normalise it.
//!
//! Every unit maps to a [`Kind`], a base-unit string and an affine
//! conversion `base = value × factor + offset`:
//! durations to seconds (`s`; a month is 365/12 days and a year 365 days,
//! so `2 years 3 months` is 27 months either way), money to an ISO 4217
//! code (factor 1; `cent`/`sen` 0.01, `dime` 0.1 of the currency), percent
//! to `%`, and measures to SI: `m`, `kg`, `m2`, `m3` (litres are 0.001 m³),
//! `m/s`, `C` (°F and K are converted to °C), `J`, `W`, `Hz`, `B` (bytes),
//! `bit`, `bit/s`. A unit followed by `/` or `per` and a second unit makes a
//! rate (`$15.4/hour` → `USD/s`).
//!
//! Short symbols are matched case-sensitively (`m` metre, `M` is not a unit,
//! `C` Celsius, `c` cent, `L`/`l` litre); words case-insensitively. The
//! scanner tries up to four tokens and keeps the longest match, so
//! `km/jam`, `derajat Celsius`, `square kilometers` and `km squared` are
//! single units.

use super::fxhash::FxBuild;
use super::Kind;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A unit definition.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Unit {
    pub kind: Kind,
    pub base: &'static str,
    pub factor: f64,
    pub offset: f64,
}

const DUR: Kind = Kind::Duration;
const MON: Kind = Kind::Money;
const MEA: Kind = Kind::Measure;
const PCT: Kind = Kind::Percent;

const MINUTE: f64 = 60.0;
const HOUR: f64 = 3600.0;
const DAY: f64 = 86_400.0;
const WEEK: f64 = 7.0 * DAY;
const YEAR: f64 = 365.0 * DAY;
const MONTH: f64 = YEAR / 12.0;

/// (surface, case-sensitive, kind, base, factor, offset)
type Row = (&'static str, bool, Kind, &'static str, f64, f64);

const F_TO_C: f64 = 5.0 / 9.0;
const F_OFF: f64 = -32.0 * 5.0 / 9.0;

#[rustfmt::skip]
const TABLE: &[Row] = &[
    // durations
    ("detik", false, DUR, "s", 1.0, 0.0), ("second", false, DUR, "s", 1.0, 0.0),
    ("seconds", false, DUR, "s", 1.0, 0.0), ("sec", false, DUR, "s", 1.0, 0.0),
    ("secs", false, DUR, "s", 1.0, 0.0),
    ("menit", false, DUR, "s", MINUTE, 0.0), ("minute", false, DUR, "s", MINUTE, 0.0),
    ("minutes", false, DUR, "s", MINUTE, 0.0), ("min", false, DUR, "s", MINUTE, 0.0),
    ("mins", false, DUR, "s", MINUTE, 0.0),
    ("jam", false, DUR, "s", HOUR, 0.0), ("hour", false, DUR, "s", HOUR, 0.0),
    ("hours", false, DUR, "s", HOUR, 0.0), ("hr", false, DUR, "s", HOUR, 0.0),
    ("hrs", false, DUR, "s", HOUR, 0.0), ("h", true, DUR, "s", HOUR, 0.0),
    ("hari", false, DUR, "s", DAY, 0.0), ("day", false, DUR, "s", DAY, 0.0),
    ("days", false, DUR, "s", DAY, 0.0),
    ("pekan", false, DUR, "s", WEEK, 0.0), ("minggu", false, DUR, "s", WEEK, 0.0),
    ("week", false, DUR, "s", WEEK, 0.0), ("weeks", false, DUR, "s", WEEK, 0.0),
    ("fortnight", false, DUR, "s", 2.0 * WEEK, 0.0), ("fortnights", false, DUR, "s", 2.0 * WEEK, 0.0),
    ("bulan", false, DUR, "s", MONTH, 0.0), ("month", false, DUR, "s", MONTH, 0.0),
    ("months", false, DUR, "s", MONTH, 0.0),
    ("kuartal", false, DUR, "s", 3.0 * MONTH, 0.0), ("quarter", false, DUR, "s", 3.0 * MONTH, 0.0),
    ("tahun", false, DUR, "s", YEAR, 0.0), ("year", false, DUR, "s", YEAR, 0.0),
    ("years", false, DUR, "s", YEAR, 0.0), ("yr", false, DUR, "s", YEAR, 0.0),
    ("yrs", false, DUR, "s", YEAR, 0.0),
    ("dekade", false, DUR, "s", 10.0 * YEAR, 0.0), ("dasawarsa", false, DUR, "s", 10.0 * YEAR, 0.0),
    ("decade", false, DUR, "s", 10.0 * YEAR, 0.0), ("decades", false, DUR, "s", 10.0 * YEAR, 0.0),
    ("abad", false, DUR, "s", 100.0 * YEAR, 0.0), ("century", false, DUR, "s", 100.0 * YEAR, 0.0),
    ("centuries", false, DUR, "s", 100.0 * YEAR, 0.0),
    ("Ma", true, DUR, "s", 1e6 * YEAR, 0.0), ("megayear", false, DUR, "s", 1e6 * YEAR, 0.0),
    // percent
    ("%", true, PCT, "%", 1.0, 0.0), ("persen", false, PCT, "%", 1.0, 0.0),
    ("percent", false, PCT, "%", 1.0, 0.0), ("per cent", false, PCT, "%", 1.0, 0.0),
    ("pct", false, PCT, "%", 1.0, 0.0), ("prosen", false, PCT, "%", 1.0, 0.0),
    // rate changes: percentage points (`pp`), a basis point is 0.01 pp
    ("percentage point", false, PCT, "pp", 1.0, 0.0), ("percentage points", false, PCT, "pp", 1.0, 0.0),
    ("poin persentase", false, PCT, "pp", 1.0, 0.0), ("point", false, PCT, "pp", 1.0, 0.0),
    ("points", false, PCT, "pp", 1.0, 0.0), ("poin", false, PCT, "pp", 1.0, 0.0), ("pp", true, PCT, "pp", 1.0, 0.0),
    ("basis point", false, PCT, "pp", 0.01, 0.0), ("basis points", false, PCT, "pp", 0.01, 0.0),
    ("bp", true, PCT, "pp", 0.01, 0.0), ("bps", true, PCT, "pp", 0.01, 0.0),
    ("basis poin", false, PCT, "pp", 0.01, 0.0),
    // money written after the number
    ("rupiah", false, MON, "IDR", 1.0, 0.0), ("idr", false, MON, "IDR", 1.0, 0.0),
    ("dolar", false, MON, "USD", 1.0, 0.0), ("dollar", false, MON, "USD", 1.0, 0.0),
    ("dollars", false, MON, "USD", 1.0, 0.0), ("usd", false, MON, "USD", 1.0, 0.0),
    ("dolar as", false, MON, "USD", 1.0, 0.0), ("dolar amerika", false, MON, "USD", 1.0, 0.0),
    ("dolar amerika serikat", false, MON, "USD", 1.0, 0.0), ("us dollars", false, MON, "USD", 1.0, 0.0),
    ("$", true, MON, "USD", 1.0, 0.0),
    ("euro", false, MON, "EUR", 1.0, 0.0), ("euros", false, MON, "EUR", 1.0, 0.0),
    ("eur", false, MON, "EUR", 1.0, 0.0), ("€", true, MON, "EUR", 1.0, 0.0),
    ("pound sterling", false, MON, "GBP", 1.0, 0.0), ("sterling", false, MON, "GBP", 1.0, 0.0),
    ("poundsterling", false, MON, "GBP", 1.0, 0.0), ("gbp", false, MON, "GBP", 1.0, 0.0),
    ("£", true, MON, "GBP", 1.0, 0.0),
    ("yen", false, MON, "JPY", 1.0, 0.0), ("jpy", false, MON, "JPY", 1.0, 0.0),
    ("yuan", false, MON, "CNY", 1.0, 0.0), ("renminbi", false, MON, "CNY", 1.0, 0.0),
    ("cny", false, MON, "CNY", 1.0, 0.0),
    ("ringgit", false, MON, "MYR", 1.0, 0.0), ("ringgits", false, MON, "MYR", 1.0, 0.0),
    ("malaysia ringgit", false, MON, "MYR", 1.0, 0.0), ("malaysian ringgit", false, MON, "MYR", 1.0, 0.0),
    ("malaysia ringgits", false, MON, "MYR", 1.0, 0.0), ("malaysian ringgits", false, MON, "MYR", 1.0, 0.0),
    ("myr", false, MON, "MYR", 1.0, 0.0), ("rm", false, MON, "MYR", 1.0, 0.0),
    ("sgd", false, MON, "SGD", 1.0, 0.0), ("dolar singapura", false, MON, "SGD", 1.0, 0.0),
    ("rupee", false, MON, "INR", 1.0, 0.0), ("rupees", false, MON, "INR", 1.0, 0.0),
    ("inr", false, MON, "INR", 1.0, 0.0),
    ("won", false, MON, "KRW", 1.0, 0.0), ("krw", false, MON, "KRW", 1.0, 0.0),
    ("riyal", false, MON, "SAR", 1.0, 0.0), ("riyals", false, MON, "SAR", 1.0, 0.0),
    ("saudi riyal", false, MON, "SAR", 1.0, 0.0), ("saudiriyal", false, MON, "SAR", 1.0, 0.0),
    ("sar", false, MON, "SAR", 1.0, 0.0),
    ("qatari riyal", false, MON, "QAR", 1.0, 0.0), ("qatari riyals", false, MON, "QAR", 1.0, 0.0),
    ("qar", false, MON, "QAR", 1.0, 0.0),
    ("rial", false, MON, "IRR", 1.0, 0.0), ("rials", false, MON, "IRR", 1.0, 0.0),
    ("kuwaiti dinar", false, MON, "KWD", 1.0, 0.0), ("kwd", false, MON, "KWD", 1.0, 0.0),
    ("lebanese pound", false, MON, "LBP", 1.0, 0.0), ("lebanese pounds", false, MON, "LBP", 1.0, 0.0),
    ("lbp", false, MON, "LBP", 1.0, 0.0),
    ("egyptian pound", false, MON, "EGP", 1.0, 0.0), ("egyptianpound", false, MON, "EGP", 1.0, 0.0),
    ("egp", false, MON, "EGP", 1.0, 0.0), ("le", false, MON, "EGP", 1.0, 0.0),
    ("l.e", false, MON, "EGP", 1.0, 0.0), ("l.e.", false, MON, "EGP", 1.0, 0.0),
    ("geneh", false, MON, "EGP", 1.0, 0.0), ("genihat masriya", false, MON, "EGP", 1.0, 0.0),
    ("bgn", false, MON, "BGN", 1.0, 0.0), ("lev", false, MON, "BGN", 1.0, 0.0),
    ("ils", false, MON, "ILS", 1.0, 0.0), ("shekel", false, MON, "ILS", 1.0, 0.0),
    ("shekels", false, MON, "ILS", 1.0, 0.0),
    ("mnt", false, MON, "MNT", 1.0, 0.0), ("tugrik", false, MON, "MNT", 1.0, 0.0),
    ("tugriks", false, MON, "MNT", 1.0, 0.0),
    ("cad", false, MON, "CAD", 1.0, 0.0), ("chf", false, MON, "CHF", 1.0, 0.0),
    ("aud", false, MON, "AUD", 1.0, 0.0), ("hkd", false, MON, "HKD", 1.0, 0.0),
    ("cent", false, MON, "USD", 0.01, 0.0), ("cents", false, MON, "USD", 0.01, 0.0),
    ("c", true, MON, "USD", 0.01, 0.0), ("¢", true, MON, "USD", 0.01, 0.0),
    ("penny", false, MON, "USD", 0.01, 0.0), ("pennies", false, MON, "USD", 0.01, 0.0),
    ("dime", false, MON, "USD", 0.1, 0.0), ("dimes", false, MON, "USD", 0.1, 0.0),
    // length
    ("m", true, MEA, "m", 1.0, 0.0), ("meter", false, MEA, "m", 1.0, 0.0),
    ("meters", false, MEA, "m", 1.0, 0.0), ("metre", false, MEA, "m", 1.0, 0.0),
    ("metres", false, MEA, "m", 1.0, 0.0), ("mdpl", false, MEA, "m", 1.0, 0.0),
    ("km", false, MEA, "m", 1e3, 0.0), ("kilometer", false, MEA, "m", 1e3, 0.0),
    ("kilometers", false, MEA, "m", 1e3, 0.0), ("kilometre", false, MEA, "m", 1e3, 0.0),
    ("kilometres", false, MEA, "m", 1e3, 0.0),
    ("cm", true, MEA, "m", 0.01, 0.0), ("sentimeter", false, MEA, "m", 0.01, 0.0),
    ("centimeter", false, MEA, "m", 0.01, 0.0), ("centimeters", false, MEA, "m", 0.01, 0.0),
    ("centimetre", false, MEA, "m", 0.01, 0.0), ("centimetres", false, MEA, "m", 0.01, 0.0),
    ("mm", true, MEA, "m", 1e-3, 0.0), ("milimeter", false, MEA, "m", 1e-3, 0.0),
    ("millimeter", false, MEA, "m", 1e-3, 0.0), ("millimeters", false, MEA, "m", 1e-3, 0.0),
    ("millimetre", false, MEA, "m", 1e-3, 0.0), ("millimetres", false, MEA, "m", 1e-3, 0.0),
    ("µm", true, MEA, "m", 1e-6, 0.0), ("micrometer", false, MEA, "m", 1e-6, 0.0),
    ("nm", true, MEA, "m", 1e-9, 0.0), ("nanometer", false, MEA, "m", 1e-9, 0.0),
    ("nanometers", false, MEA, "m", 1e-9, 0.0), ("nanometre", false, MEA, "m", 1e-9, 0.0),
    ("nanometres", false, MEA, "m", 1e-9, 0.0),
    ("pm", true, MEA, "m", 1e-12, 0.0), ("picometre", false, MEA, "m", 1e-12, 0.0),
    ("am", true, MEA, "m", 1e-18, 0.0),
    ("mil", false, MEA, "m", 1609.344, 0.0), ("mile", false, MEA, "m", 1609.344, 0.0),
    ("miles", false, MEA, "m", 1609.344, 0.0), ("mi", true, MEA, "m", 1609.344, 0.0),
    ("mil laut", false, MEA, "m", 1852.0, 0.0), ("nautical mile", false, MEA, "m", 1852.0, 0.0),
    ("nautical miles", false, MEA, "m", 1852.0, 0.0),
    ("ft", true, MEA, "m", 0.3048, 0.0), ("feet", false, MEA, "m", 0.3048, 0.0),
    ("foot", false, MEA, "m", 0.3048, 0.0), ("kaki", false, MEA, "m", 0.3048, 0.0),
    ("inch", false, MEA, "m", 0.0254, 0.0), ("inches", false, MEA, "m", 0.0254, 0.0),
    ("inci", false, MEA, "m", 0.0254, 0.0), ("\"", true, MEA, "m", 0.0254, 0.0),
    ("yard", false, MEA, "m", 0.9144, 0.0), ("yards", false, MEA, "m", 0.9144, 0.0),
    // mass
    ("kg", false, MEA, "kg", 1.0, 0.0), ("kilogram", false, MEA, "kg", 1.0, 0.0),
    ("kilograms", false, MEA, "kg", 1.0, 0.0), ("kilo", false, MEA, "kg", 1.0, 0.0),
    ("g", true, MEA, "kg", 1e-3, 0.0), ("gr", true, MEA, "kg", 1e-3, 0.0),
    ("gram", false, MEA, "kg", 1e-3, 0.0), ("grams", false, MEA, "kg", 1e-3, 0.0),
    ("gramme", false, MEA, "kg", 1e-3, 0.0),
    ("mg", true, MEA, "kg", 1e-6, 0.0), ("miligram", false, MEA, "kg", 1e-6, 0.0),
    ("milligram", false, MEA, "kg", 1e-6, 0.0), ("milligrams", false, MEA, "kg", 1e-6, 0.0),
    ("ton", false, MEA, "kg", 1e3, 0.0), ("tons", false, MEA, "kg", 1e3, 0.0),
    ("tonne", false, MEA, "kg", 1e3, 0.0), ("tonnes", false, MEA, "kg", 1e3, 0.0),
    ("kuintal", false, MEA, "kg", 100.0, 0.0), ("ons", false, MEA, "kg", 0.1, 0.0),
    ("lb", false, MEA, "kg", 0.45359237, 0.0), ("lbs", false, MEA, "kg", 0.45359237, 0.0),
    ("pound", false, MEA, "kg", 0.45359237, 0.0), ("pounds", false, MEA, "kg", 0.45359237, 0.0),
    ("ounce", false, MEA, "kg", 0.028349523125, 0.0), ("ounces", false, MEA, "kg", 0.028349523125, 0.0),
    ("oz", false, MEA, "kg", 0.028349523125, 0.0),
    // area
    ("m2", true, MEA, "m2", 1.0, 0.0), ("m²", true, MEA, "m2", 1.0, 0.0),
    ("m^2", true, MEA, "m2", 1.0, 0.0), ("meter persegi", false, MEA, "m2", 1.0, 0.0),
    ("square meter", false, MEA, "m2", 1.0, 0.0), ("square meters", false, MEA, "m2", 1.0, 0.0),
    ("square metre", false, MEA, "m2", 1.0, 0.0), ("square metres", false, MEA, "m2", 1.0, 0.0),
    ("km2", false, MEA, "m2", 1e6, 0.0), ("km²", false, MEA, "m2", 1e6, 0.0),
    ("km^2", false, MEA, "m2", 1e6, 0.0), ("km squared", false, MEA, "m2", 1e6, 0.0),
    ("sq km", false, MEA, "m2", 1e6, 0.0), ("kilometer persegi", false, MEA, "m2", 1e6, 0.0),
    ("square kilometer", false, MEA, "m2", 1e6, 0.0), ("square kilometers", false, MEA, "m2", 1e6, 0.0),
    ("square kilometre", false, MEA, "m2", 1e6, 0.0), ("square kilometres", false, MEA, "m2", 1e6, 0.0),
    ("ha", true, MEA, "m2", 1e4, 0.0), ("hektare", false, MEA, "m2", 1e4, 0.0),
    ("hektar", false, MEA, "m2", 1e4, 0.0), ("hectare", false, MEA, "m2", 1e4, 0.0),
    ("hectares", false, MEA, "m2", 1e4, 0.0),
    ("acre", false, MEA, "m2", 4046.8564224, 0.0), ("acres", false, MEA, "m2", 4046.8564224, 0.0),
    ("sq mi", false, MEA, "m2", 2_589_988.110336, 0.0), ("square mile", false, MEA, "m2", 2_589_988.110336, 0.0),
    ("square miles", false, MEA, "m2", 2_589_988.110336, 0.0), ("mil persegi", false, MEA, "m2", 2_589_988.110336, 0.0),
    ("sq ft", false, MEA, "m2", 0.09290304, 0.0), ("square feet", false, MEA, "m2", 0.09290304, 0.0),
    // volume
    ("m3", true, MEA, "m3", 1.0, 0.0), ("m³", true, MEA, "m3", 1.0, 0.0),
    ("meter kubik", false, MEA, "m3", 1.0, 0.0), ("cubic meter", false, MEA, "m3", 1.0, 0.0),
    ("cubic meters", false, MEA, "m3", 1.0, 0.0), ("cubic metres", false, MEA, "m3", 1.0, 0.0),
    ("l", true, MEA, "m3", 1e-3, 0.0), ("L", true, MEA, "m3", 1e-3, 0.0),
    ("liter", false, MEA, "m3", 1e-3, 0.0), ("liters", false, MEA, "m3", 1e-3, 0.0),
    ("litre", false, MEA, "m3", 1e-3, 0.0), ("litres", false, MEA, "m3", 1e-3, 0.0),
    ("ml", false, MEA, "m3", 1e-6, 0.0), ("mililiter", false, MEA, "m3", 1e-6, 0.0),
    ("milliliter", false, MEA, "m3", 1e-6, 0.0), ("millilitre", false, MEA, "m3", 1e-6, 0.0),
    ("milliliters", false, MEA, "m3", 1e-6, 0.0), ("millilitres", false, MEA, "m3", 1e-6, 0.0),
    ("cc", false, MEA, "m3", 1e-6, 0.0), ("cm3", false, MEA, "m3", 1e-6, 0.0),
    ("cm³", false, MEA, "m3", 1e-6, 0.0),
    ("cl", true, MEA, "m3", 1e-5, 0.0), ("centilitre", false, MEA, "m3", 1e-5, 0.0),
    ("dl", true, MEA, "m3", 1e-4, 0.0),
    ("gallon", false, MEA, "m3", 0.003785411784, 0.0), ("gallons", false, MEA, "m3", 0.003785411784, 0.0),
    ("gal", false, MEA, "m3", 0.003785411784, 0.0), ("gals", false, MEA, "m3", 0.003785411784, 0.0),
    ("galon", false, MEA, "m3", 0.003785411784, 0.0),
    ("barel", false, MEA, "m3", 0.158987294928, 0.0), ("barrel", false, MEA, "m3", 0.158987294928, 0.0),
    ("barrels", false, MEA, "m3", 0.158987294928, 0.0),
    ("cup", false, MEA, "m3", 0.0002365882365, 0.0), ("cups", false, MEA, "m3", 0.0002365882365, 0.0),
    ("tbsp", false, MEA, "m3", 0.00001478676478125, 0.0), ("tablespoon", false, MEA, "m3", 0.00001478676478125, 0.0),
    ("tablespoons", false, MEA, "m3", 0.00001478676478125, 0.0),
    ("tsp", false, MEA, "m3", 0.00000492892159375, 0.0), ("teaspoon", false, MEA, "m3", 0.00000492892159375, 0.0),
    // speed
    ("km/jam", false, MEA, "m/s", 1e3 / HOUR, 0.0), ("km/j", false, MEA, "m/s", 1e3 / HOUR, 0.0),
    ("km per jam", false, MEA, "m/s", 1e3 / HOUR, 0.0), ("kilometer per jam", false, MEA, "m/s", 1e3 / HOUR, 0.0),
    ("km/h", false, MEA, "m/s", 1e3 / HOUR, 0.0), ("kph", false, MEA, "m/s", 1e3 / HOUR, 0.0),
    ("kmh", false, MEA, "m/s", 1e3 / HOUR, 0.0), ("km per hour", false, MEA, "m/s", 1e3 / HOUR, 0.0),
    ("kilometers per hour", false, MEA, "m/s", 1e3 / HOUR, 0.0),
    ("kilometres per hour", false, MEA, "m/s", 1e3 / HOUR, 0.0),
    ("mph", false, MEA, "m/s", 1609.344 / HOUR, 0.0), ("miles per hour", false, MEA, "m/s", 1609.344 / HOUR, 0.0),
    ("m/s", true, MEA, "m/s", 1.0, 0.0), ("m/detik", false, MEA, "m/s", 1.0, 0.0),
    ("knot", false, MEA, "m/s", 1852.0 / HOUR, 0.0), ("knots", false, MEA, "m/s", 1852.0 / HOUR, 0.0),
    // temperature
    ("°c", false, MEA, "C", 1.0, 0.0), ("° c", false, MEA, "C", 1.0, 0.0),
    ("C", true, MEA, "C", 1.0, 0.0), ("celsius", false, MEA, "C", 1.0, 0.0),
    ("derajat celsius", false, MEA, "C", 1.0, 0.0), ("derajat celcius", false, MEA, "C", 1.0, 0.0),
    ("derajat c", false, MEA, "C", 1.0, 0.0), ("degrees celsius", false, MEA, "C", 1.0, 0.0),
    ("degree celsius", false, MEA, "C", 1.0, 0.0), ("degrees centigrade", false, MEA, "C", 1.0, 0.0),
    ("derajat", false, MEA, "C", 1.0, 0.0), ("degrees", false, MEA, "C", 1.0, 0.0),
    ("degree", false, MEA, "C", 1.0, 0.0), ("°", true, MEA, "C", 1.0, 0.0),
    ("°f", false, MEA, "C", F_TO_C, F_OFF), ("° f", false, MEA, "C", F_TO_C, F_OFF),
    ("fahrenheit", false, MEA, "C", F_TO_C, F_OFF), ("degrees fahrenheit", false, MEA, "C", F_TO_C, F_OFF),
    ("derajat fahrenheit", false, MEA, "C", F_TO_C, F_OFF), ("F", true, MEA, "C", F_TO_C, F_OFF),
    ("kelvin", false, MEA, "C", 1.0, -273.15), ("K", true, MEA, "C", 1.0, -273.15),
    // energy, power, frequency, data
    ("ev", false, MEA, "J", 1.602176634e-19, 0.0), ("kev", false, MEA, "J", 1.602176634e-16, 0.0),
    ("mev", false, MEA, "J", 1.602176634e-13, 0.0), ("gev", false, MEA, "J", 1.602176634e-10, 0.0),
    ("tev", false, MEA, "J", 1.602176634e-7, 0.0),
    ("J", true, MEA, "J", 1.0, 0.0), ("joule", false, MEA, "J", 1.0, 0.0), ("joules", false, MEA, "J", 1.0, 0.0),
    ("kJ", true, MEA, "J", 1e3, 0.0), ("MJ", true, MEA, "J", 1e6, 0.0),
    ("kcal", false, MEA, "J", 4184.0, 0.0), ("kkal", false, MEA, "J", 4184.0, 0.0),
    ("kalori", false, MEA, "J", 4184.0, 0.0), ("calories", false, MEA, "J", 4184.0, 0.0),
    ("Wh", true, MEA, "J", 3600.0, 0.0), ("kWh", false, MEA, "J", 3.6e6, 0.0),
    ("MWh", true, MEA, "J", 3.6e9, 0.0), ("GWh", true, MEA, "J", 3.6e12, 0.0),
    ("TWh", true, MEA, "J", 3.6e15, 0.0),
    ("W", true, MEA, "W", 1.0, 0.0), ("watt", false, MEA, "W", 1.0, 0.0), ("watts", false, MEA, "W", 1.0, 0.0),
    ("kW", false, MEA, "W", 1e3, 0.0), ("kilowatt", false, MEA, "W", 1e3, 0.0),
    ("MW", true, MEA, "W", 1e6, 0.0), ("megawatt", false, MEA, "W", 1e6, 0.0),
    ("megawatts", false, MEA, "W", 1e6, 0.0), ("GW", true, MEA, "W", 1e9, 0.0),
    ("gigawatt", false, MEA, "W", 1e9, 0.0),
    ("b", true, MEA, "bit", 1.0, 0.0), ("s-1", true, MEA, "Hz", 1.0, 0.0), ("/s", true, MEA, "Hz", 1.0, 0.0),
    ("Hz", true, MEA, "Hz", 1.0, 0.0), ("hertz", false, MEA, "Hz", 1.0, 0.0),
    ("kHz", true, MEA, "Hz", 1e3, 0.0), ("MHz", true, MEA, "Hz", 1e6, 0.0), ("GHz", true, MEA, "Hz", 1e9, 0.0),
    ("byte", false, MEA, "B", 1.0, 0.0), ("bytes", false, MEA, "B", 1.0, 0.0),
    ("KB", true, MEA, "B", 1e3, 0.0), ("kB", true, MEA, "B", 1e3, 0.0), ("MB", true, MEA, "B", 1e6, 0.0),
    ("GB", true, MEA, "B", 1e9, 0.0), ("TB", true, MEA, "B", 1e12, 0.0), ("PB", true, MEA, "B", 1e15, 0.0),
    ("EB", true, MEA, "B", 1e18, 0.0),
    ("kilobytes", false, MEA, "B", 1e3, 0.0), ("megabytes", false, MEA, "B", 1e6, 0.0),
    ("gigabytes", false, MEA, "B", 1e9, 0.0), ("terabytes", false, MEA, "B", 1e12, 0.0),
    ("petabytes", false, MEA, "B", 1e15, 0.0), ("exabytes", false, MEA, "B", 1e18, 0.0),
    ("bit", false, MEA, "bit", 1.0, 0.0), ("bits", false, MEA, "bit", 1.0, 0.0),
    ("Mbps", false, MEA, "bit/s", 1e6, 0.0), ("Gbps", false, MEA, "bit/s", 1e9, 0.0),
    ("kbps", false, MEA, "bit/s", 1e3, 0.0),
];

struct Maps {
    cased: HashMap<&'static str, Unit, FxBuild>,
    lower: HashMap<String, Unit, FxBuild>,
    /// Lower-cased first token of every surface (`km` for `km/jam`).
    starts: HashSet<String, FxBuild>,
}

/// First token of a surface, as the tokeniser would cut it.
fn first_token(s: &str) -> &str {
    let mut it = s.char_indices();
    let Some((_, c)) = it.next() else { return s };
    let word = c.is_alphabetic() || c == '²' || c == '³';
    let digit = c.is_ascii_digit();
    for (i, d) in it {
        let same = if word {
            d.is_alphabetic() || d == '²' || d == '³'
        } else if digit {
            d.is_ascii_digit()
        } else {
            false
        };
        if !same {
            return &s[..i];
        }
    }
    s
}

fn maps() -> &'static Maps {
    static MAPS: OnceLock<Maps> = OnceLock::new();
    MAPS.get_or_init(|| {
        let mut cased = HashMap::default();
        let mut lower = HashMap::default();
        let mut starts = HashSet::default();
        for &(s, cs, kind, base, factor, offset) in TABLE {
            let u = Unit {
                kind,
                base,
                factor,
                offset,
            };
            starts.insert(first_token(s).to_lowercase());
            if cs {
                cased.insert(s, u);
            } else {
                lower.insert(s.to_lowercase(), u);
            }
        }
        Maps {
            cased,
            lower,
            starts,
        }
    })
}

/// Whether a unit surface can start with this (lower-cased) token.
pub(crate) fn may_start(lower: &str) -> bool {
    maps().starts.contains(lower)
}

/// Looks a unit up by its surface: exact for symbols, lower-cased for words.
pub(crate) fn lookup(raw: &str, lower: &str) -> Option<Unit> {
    let m = maps();
    if let Some(u) = m.cased.get(raw) {
        return Some(*u);
    }
    m.lower.get(lower).copied()
}

/// Currency written before the amount (`Rp`, `US$`, `€`), as ISO 4217.
/// `raw` is the surface as written, `lower` lower-cased, both without spaces.
pub(crate) fn currency_prefix(raw: &str, lower: &str) -> Option<&'static str> {
    Some(match raw {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "RM" => "MYR",
        "S$" => "SGD",
        "A$" => "AUD",
        "HK$" => "HKD",
        "C$" => "CAD",
        _ => match lower {
            "rp" | "rp." | "idr" | "rupiah" => "IDR",
            "us$" | "usd" | "as$" | "usd$" => "USD",
            "eur" | "euro" => "EUR",
            "gbp" => "GBP",
            "myr" | "ringgit" | "malaysia ringgit" | "malaysian ringgit" | "malaysia ringgits"
            | "malaysian ringgits" => "MYR",
            "sgd" => "SGD",
            "jpy" => "JPY",
            "cny" | "rmb" => "CNY",
            "inr" | "rs" | "rs." => "INR",
            "cad" => "CAD",
            "chf" => "CHF",
            "aud" => "AUD",
            "krw" => "KRW",
            "sar" => "SAR",
            "qar" => "QAR",
            "kwd" => "KWD",
            "egp" => "EGP",
            "ils" => "ILS",
            "mnt" => "MNT",
            "hkd" => "HKD",
            _ => return None,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_case_sensitive() {
        assert_eq!(lookup("m", "m").map(|u| u.base), Some("m"));
        assert_eq!(lookup("M", "m"), None);
        assert_eq!(lookup("C", "c").map(|u| u.base), Some("C"));
        assert_eq!(lookup("c", "c").map(|u| u.base), Some("USD"));
        assert_eq!(lookup("Jam", "jam").map(|u| u.factor), Some(3600.0));
    }

    #[test]
    fn first_tokens() {
        assert_eq!(first_token("km/jam"), "km");
        assert_eq!(first_token("°c"), "°");
        assert!(may_start("km") && may_start("derajat") && !may_start("orang"));
    }

    #[test]
    fn currencies() {
        assert_eq!(currency_prefix("Rp", "rp"), Some("IDR"));
        assert_eq!(currency_prefix("US$", "us$"), Some("USD"));
        assert_eq!(currency_prefix("x", "x"), None);
    }

    #[test]
    fn fahrenheit_to_celsius() {
        let u = lookup("°F", "°f");
        let c = u.map(|u| 212.0 * u.factor + u.offset);
        assert!(c.is_some_and(|c| (c - 100.0).abs() < 1e-9));
    }
}
