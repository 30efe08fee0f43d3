using System.Globalization;

namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>Python's <c>repr(float)</c> (shortest round-trip digits, Python's exponent rules), for hashing like hpo_funcs.py.</summary>
internal static class PythonRepr
{
    public static string Float(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        var sign = d < 0 ? "-" : "";
        var (digits, point) = Digits(Math.Abs(d));
        // Python: scientific when the decimal point sits before -4 or past 16 digits.
        if (point <= -4 || point > 16)
        {
            var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            var exp = point - 1;
            return $"{sign}{mantissa}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):00}";
        }
        if (point <= 0) return $"{sign}0.{new string('0', -point)}{digits}";
        if (point < digits.Length) return $"{sign}{digits[..point]}.{digits[point..]}";
        return $"{sign}{digits}{new string('0', point - digits.Length)}.0";
    }

    /// <summary>Significant digits and the position of the decimal point: value = 0.DIGITS × 10^point.</summary>
    private static (string Digits, int Point) Digits(double d)
    {
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var exp = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
            r = r[..e];
        }
        var dot = r.IndexOf('.');
        var point = (dot < 0 ? r.Length : dot) + exp;
        var all = r.Replace(".", "");
        var lead = all.Length - all.TrimStart('0').Length;
        return (all.Trim('0'), point - lead);
    }
}
