using Microsoft.Extensions.Options;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Limits;

public static class RateLimitHosting
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => !o.Enabled || (o.PerUserPerMinute > 0 && o.PerConversationPerMinute > 0 && o.MaxTracked > 0),
                "RateLimits:PerUserPerMinute, PerConversationPerMinute and MaxTracked must be 1 or more (or set RateLimits:Enabled to false).")
            .ValidateOnStart();
        // Shared through the database when the store can share them (PostgreSQL, several instances), else in memory.
        builder.Services.AddSingleton(sp => new TraineeRateLimiter(
            sp.GetRequiredService<IOptions<RateLimitOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ITrainingStore>() as ISharedRateBuckets,
            sp.GetRequiredService<ILogger<TraineeRateLimiter>>()));
        return builder;
    }
}
