using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Migration.ServiceDefaults.Clock;

/// <summary>
/// The services' <see cref="TimeProvider"/>: the system clock, or, in a rehearsal or test environment, the system clock
/// moved by <c>Clock:Offset</c> (e.g. <c>30.00:00:00</c>), so that a training run can show next month's deadlines and a
/// test can see a case become overdue without waiting. Refused in Production: deadlines and payment dates there follow
/// the real calendar.
/// </summary>
public static class ProgramClock
{
    public const string OffsetSetting = "Clock:Offset";

    public static WebApplicationBuilder AddProgramClock(this WebApplicationBuilder builder)
    {
        var offset = builder.Configuration.GetValue<TimeSpan?>(OffsetSetting);
        if (offset is not { } shift || shift == TimeSpan.Zero)
        {
            builder.Services.AddSingleton(TimeProvider.System);
            return builder;
        }

        if (builder.Environment.IsProduction())
            throw new InvalidOperationException($"{OffsetSetting} moves the clock of a rehearsal or test environment; it is refused in Production.");
        builder.Services.AddSingleton<TimeProvider>(services =>
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProgramClock)).LogWarning("The clock runs {Offset} ahead of the system clock", shift);
            return new ShiftedTimeProvider(shift);
        });
        return builder;
    }

    /// <summary>The system clock plus a fixed offset (time zone and timers as the system's).</summary>
    private sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

        public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;
    }
}
