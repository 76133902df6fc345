namespace Vigil.Ingest.Parsing;

/// <summary>
/// Strict RFC 3339 <c>date-time</c> on UTF-8 bytes: <c>YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)</c>, with
/// <c>T</c>/<c>Z</c> in either case as the RFC allows. Unlike <see cref="System.Text.Json.Utf8JsonReader.TryGetDateTimeOffset"/>
/// it refuses a time without an offset, which would otherwise be read in the server's local zone.
/// </summary>
internal static class Rfc3339
{
    private static readonly long MaxOffsetTicks = TimeSpan.FromHours(14).Ticks;

    public static bool TryParse(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 20
            || !TryDigits(s[..4], out var year) || s[4] != '-'
            || !TryDigits(s.Slice(5, 2), out var month) || s[7] != '-'
            || !TryDigits(s.Slice(8, 2), out var day) || (s[10] | 0x20) != 't'
            || !TryDigits(s.Slice(11, 2), out var hour) || s[13] != ':'
            || !TryDigits(s.Slice(14, 2), out var minute) || s[16] != ':'
            || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var rest = s[19..];
        long fractionTicks = 0;
        if (rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit((char)rest[digits]))
            {
                digits++;
            }

            if (digits == 1)
            {
                return false;
            }

            // Ticks are 100 ns: the first 7 digits count, further ones are dropped.
            for (var i = 1; i <= 7; i++)
            {
                fractionTicks = fractionTicks * 10 + (i < digits ? rest[i] - '0' : 0);
            }

            rest = rest[digits..];
        }

        long offsetTicks;
        if (rest.Length == 1 && (rest[0] | 0x20) == 'z')
        {
            offsetTicks = 0;
        }
        else if (rest.Length == 6 && rest[0] is (byte)'+' or (byte)'-' && rest[3] == ':'
            && TryDigits(rest.Slice(1, 2), out var offsetHours) && TryDigits(rest.Slice(4, 2), out var offsetMinutes)
            && offsetHours <= 23 && offsetMinutes <= 59)
        {
            offsetTicks = (rest[0] == '-' ? -1 : 1) * (offsetHours * TimeSpan.TicksPerHour + offsetMinutes * TimeSpan.TicksPerMinute);
        }
        else
        {
            return false;
        }

        // A leap second (:60) has no DateTime; it is read as the last tick of :59, keeping the order of events.
        var localTicks = new DateTime(year, month, day, hour, minute, Math.Min(second, 59)).Ticks
            + (second == 60 ? TimeSpan.TicksPerSecond - 1 : fractionTicks);
        var utcTicks = localTicks - offsetTicks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        // DateTimeOffset holds offsets up to 14 h; RFC 3339 allows up to 23:59, which is kept as the same instant in UTC.
        value = Math.Abs(offsetTicks) <= MaxOffsetTicks && localTicks <= DateTime.MaxValue.Ticks
            ? new DateTimeOffset(localTicks, TimeSpan.FromTicks(offsetTicks))
            : new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }

            value = value * 10 + (b - '0');
        }

        return true;
    }
}
