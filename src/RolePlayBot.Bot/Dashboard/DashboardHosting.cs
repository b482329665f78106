using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Dashboard;

/// <summary>The trainer dashboard: pages under /dashboard, sign-in by one-time link, roles from "Dashboard:*".</summary>
public static class DashboardHosting
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.SectionName)
            .Validate(o => string.IsNullOrEmpty(o.SigningKey) || o.SigningKey.Length >= 32, "Dashboard:SigningKey must be at least 32 characters long.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || (Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http"),
                "Dashboard:PublicBaseUrl must be an absolute http(s) address, or empty.")
            .Validate(o => o.LinkMinutes is > 0 and <= 60, "Dashboard:LinkMinutes must be between 1 and 60.")
            .Validate(o => o.SignInHours is > 0 and <= 24 * 30, "Dashboard:SignInHours must be between 1 and 720.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DashboardLinks>();
        builder.Services.AddSingleton<IDashboardLinks>(sp => sp.GetRequiredService<DashboardLinks>());
        builder.Services.AddSingleton<OneTimeSignIn>();

        // For the assignment forms: token in a hidden field, its pair in a cookie scoped to the dashboard.
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "rpb_dashboard_csrf";
            o.Cookie.Path = "/dashboard";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "rpb_csrf";
        });

        // Not the default scheme: only the dashboard's endpoints authenticate with this cookie (see DashboardAuth).
        builder.Services.AddAuthentication().AddCookie(DashboardAuth.Scheme, _ => { });
        builder.Services.AddOptions<CookieAuthenticationOptions>(DashboardAuth.Scheme)
            .Configure<IOptions<DashboardOptions>, TimeProvider>((cookie, dashboard, time) =>
            {
                cookie.Cookie.Name = DashboardAuth.CookieName;
                cookie.Cookie.Path = "/dashboard";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(dashboard.Value.SignInHours);
                cookie.SlidingExpiration = false;
                cookie.TimeProvider = time;
            });
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        if (options.LocalDevelopment)
        {
            app.Logger.LogWarning("Dashboard:LocalDevelopment is on: anyone on this machine sees every trainee's sessions without signing in. Never use it behind a reverse proxy.");
        }

        DashboardApi.Map(app);
        return app;
    }
}
