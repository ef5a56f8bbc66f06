//! The bundled exchange-rate table (`assets/fx_yearly.csv`) against the reference data it is
//! generated from (`../shared/ref/fx`), when that folder is present: a stale or hand-edited
//! table would convert figures with wrong rates. CI and users have no `../shared`: the test
//! then says so and passes.

use std::path::Path;

use tiemap::extract::money::rates::Rates;

const CODE_OF_COUNTRY: &[(&str, &str)] = &[
    ("China", "CNY"),
    ("Euro", "EUR"),
    ("Japan", "JPY"),
    ("India", "INR"),
    ("Switzerland", "CHF"),
    ("South Korea", "KRW"),
];

#[test]
fn the_table_gives_the_federal_reserves_annual_averages() {
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/ref/fx/yearly.csv");
    let Ok(yearly) = std::fs::read_to_string(&reference) else {
        eprintln!("skipped: {} is absent", reference.display());
        return;
    };
    let rates = Rates::builtin();
    let mut checked = 0;
    for line in yearly.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let [date, country, value] = fields[..] else {
            continue;
        };
        let Some((_, code)) = CODE_OF_COUNTRY.iter().find(|(name, _)| *name == country) else {
            continue;
        };
        let (Ok(year), Ok(value)) = (date[..4].parse::<i32>(), value.parse::<f64>()) else {
            continue;
        };
        let ours = rates
            .per_usd(code, year)
            .expect("every reference year is in the table");
        assert!(
            (ours - value).abs() <= value * 1e-5,
            "{code} {year}: {ours} vs {value}"
        );
        checked += 1;
    }
    assert!(checked > 200, "{checked}");
}

#[test]
fn the_pound_comes_from_twelve_monthly_averages_and_partial_years_are_left_out() {
    let rates = Rates::builtin();
    let pound = rates.per_usd("GBP", 2022).expect("GBP 2022");
    assert!((0.78..0.85).contains(&pound), "{pound}");
    assert_eq!(rates.latest_year(), Some(2025));
    assert_eq!(rates.per_usd("EUR", 2026), None);
}
