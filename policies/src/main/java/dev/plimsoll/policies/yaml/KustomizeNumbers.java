package dev.plimsoll.policies.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as {@code kubectl kustomize} prints them. kustomize turns every resource into JSON ({@code encoding/json},
 * float64 for every non-integer) and back into YAML with go-yaml v2, which reads each JSON number again: text that
 * parses as an int64 or uint64 stays an integer, anything else becomes a float64 printed with {@code
 * strconv.FormatFloat(f, 'g', -1, 64)}. So {@code 1.0} prints as {@code 1}, {@code 1e3} as {@code 1000}, {@code
 * 1234567.5} as {@code 1.2345675e+06}, and integers beyond uint64 as floats ({@code 1.8446744073709552e+19}).
 *
 * <p>Sources: go-yaml v2 {@code encode.go} ({@code intv}, {@code uintv}, {@code floatv}) and {@code resolve.go};
 * Go's {@code encoding/json} {@code floatEncoder}; {@code strconv} {@code ftoa.go} ({@code %e}/{@code %f}/{@code %g}
 * with shortest digits).
 */
final class KustomizeNumbers {

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private KustomizeNumbers() {}

    static String integer(long value) {
        return Long.toString(value);
    }

    static String integer(BigInteger value) {
        if (value.compareTo(INT64_MIN) >= 0 && value.compareTo(UINT64_MAX) <= 0) {
            return value.toString();
        }
        return floating(value.doubleValue());
    }

    /** A float64 after the JSON round trip; NaN and infinities cannot be printed (kustomize fails on them). */
    static String floating(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("kustomize cannot print the non-finite number " + value);
        }
        Digits digits = Digits.shortest(value);
        double abs = Math.abs(value);
        // encoding/json writes %e below 1e-6 and from 1e21; otherwise %f, which has no point for integral values.
        boolean jsonIsInteger = !(abs != 0 && (abs < 1e-6 || abs >= 1e21)) && digits.count() <= digits.point();
        if (jsonIsInteger) {
            BigInteger integral = digits.integral();
            if (integral.compareTo(INT64_MIN) >= 0 && integral.compareTo(UINT64_MAX) <= 0) {
                return integral.toString();
            }
        }
        return digits.formatG();
    }

    /**
     * The shortest decimal digits that read back as the same float64 (what Go's {@code strconv} computes for precision
     * -1), as {@code 0.d1d2d3… × 10^point}.
     */
    private record Digits(boolean negative, String digits, int point) {

        static Digits shortest(double value) {
            boolean negative = (Double.doubleToRawLongBits(value) & Long.MIN_VALUE) != 0;
            if (value == 0) {
                return new Digits(negative, "", 0);
            }
            double abs = Math.abs(value);
            BigDecimal exact = new BigDecimal(abs);
            for (int precision = 1; precision <= 17; precision++) {
                BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
                if (nearest.doubleValue() == abs) {
                    return of(negative, nearest);
                }
                // The rounding interval is lopsided at powers of two: the other neighbour may still read back.
                RoundingMode other = nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
                BigDecimal neighbour = exact.round(new MathContext(precision, other));
                if (neighbour.doubleValue() == abs) {
                    return of(negative, neighbour);
                }
            }
            return of(negative, exact.round(MathContext.DECIMAL64));
        }

        private static Digits of(boolean negative, BigDecimal decimal) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            String digits = stripped.unscaledValue().toString();
            return new Digits(negative, digits, digits.length() - stripped.scale());
        }

        int count() {
            return digits.length();
        }

        BigInteger integral() {
            if (digits.isEmpty()) {
                return BigInteger.ZERO;
            }
            BigInteger magnitude = new BigInteger(digits).multiply(BigInteger.TEN.pow(point - digits.length()));
            return negative ? magnitude.negate() : magnitude;
        }

        /** {@code strconv.FormatFloat(f, 'g', -1, 64)}: {@code %e} when the exponent is below -4 or from 6. */
        String formatG() {
            StringBuilder out = new StringBuilder(24);
            if (negative) {
                out.append('-');
            }
            int exponent = point - 1;
            if (!digits.isEmpty() && (exponent < -4 || exponent >= 6)) {
                out.append(digits.charAt(0));
                if (digits.length() > 1) {
                    out.append('.').append(digits, 1, digits.length());
                }
                out.append('e').append(exponent < 0 ? '-' : '+');
                int magnitude = Math.abs(exponent);
                if (magnitude < 10) {
                    out.append('0');
                }
                return out.append(magnitude).toString();
            }
            if (point > 0) {
                for (int i = 0; i < point; i++) {
                    out.append(i < digits.length() ? digits.charAt(i) : '0');
                }
            } else {
                out.append('0');
            }
            int fraction = Math.max(digits.length() - point, 0);
            if (fraction > 0) {
                out.append('.');
                for (int i = 1; i <= fraction; i++) {
                    int j = point + i - 1;
                    out.append(j >= 0 && j < digits.length() ? digits.charAt(j) : '0');
                }
            }
            return out.toString();
        }
    }
}
