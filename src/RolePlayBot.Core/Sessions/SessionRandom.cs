namespace RolePlayBot.Core.Sessions;

/// <summary>
/// The session's seeded random source (SplitMix64) whose whole state is one number, so a stored session resumes
/// with exactly the choices it would have made had the process never stopped.
/// </summary>
public sealed class SessionRandom : Random
{
    public SessionRandom(int seed) => State = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);

    private SessionRandom(ulong state, bool _) => State = state;

    /// <summary>The generator's state; <see cref="FromState"/> continues from it.</summary>
    public ulong State { get; private set; }

    public static SessionRandom FromState(ulong state) => new(state, true);

    public override int Next() => (int)(NextUInt64() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : (int)(NextUInt64() % (ulong)maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (int)(NextUInt64() % (ulong)((long)maxValue - minValue));
    }

    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    protected override double Sample() => NextDouble();

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)NextUInt64();
        }
    }

    private ulong NextUInt64()
    {
        var z = State += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
