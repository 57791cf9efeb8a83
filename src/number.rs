//! Numbers as people read them: `0.5`, `1`, `0.3333`, with at most four decimals and no
//! trailing zeros.
//!
//! Written by hand on integers: the standard library's float printer would add about 11 KB to
//! the widget for the few weights and scores it shows.

/// Formats `x` with at most four decimals, trailing zeros removed (`1.5`, `2`, `0.3333`).
pub fn decimal(x: f64) -> String {
    let negative = x < 0.0;
    let scaled = (x.abs() * 10_000.0).round();
    if !scaled.is_finite() || scaled > 1e15 {
        return if negative {
            "-∞".into()
        } else {
            "∞".into()
        };
    }
    let scaled = scaled as u64;
    let (whole, mut frac) = (scaled / 10_000, scaled % 10_000);
    let mut digits = 4;
    while digits > 0 && frac % 10 == 0 {
        frac /= 10;
        digits -= 1;
    }
    let sign = if negative && scaled != 0 { "-" } else { "" };
    if digits == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0digits$}")
    }
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn decimals_read_naturally() {
        for (x, shown) in [
            (0.0, "0"),
            (1.0, "1"),
            (0.5, "0.5"),
            (1.5, "1.5"),
            (0.25, "0.25"),
            (1.0 / 3.0, "0.3333"),
            (2.0 / 3.0, "0.6667"),
            (0.05, "0.05"),
            (0.0001, "0.0001"),
            (0.00004, "0"),
            (100.0, "100"),
            (-0.5, "-0.5"),
            (12.3456789, "12.3457"),
        ] {
            assert_eq!(decimal(x), shown, "{x}");
        }
    }
}
