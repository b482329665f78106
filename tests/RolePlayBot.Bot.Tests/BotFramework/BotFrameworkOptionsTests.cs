using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.BotFramework;

namespace RolePlayBot.Bot.Tests.BotFramework;

public sealed class BotFrameworkOptionsTests
{
    public static TheoryData<string, string, string, string, string?> Settings() => new()
    {
        // appId, password, type, tenant, expected error (null = valid)
        { "", "", "SingleTenant", "", null },
        { "", "secret", "", "", "MicrosoftAppId is empty" },
        { "app", "secret", "SingleTenant", "tenant", null },
        { "app", "secret", "SingleTenant", "", "SingleTenant needs MicrosoftAppTenantId" },
        { "app", "", "SingleTenant", "tenant", "SingleTenant needs MicrosoftAppPassword" },
        { "app", "secret", "MultiTenant", "", null },
        { "app", "secret", "", "", null },
        { "app", "", "MultiTenant", "", "MultiTenant needs MicrosoftAppPassword" },
        { "app", "", "UserAssignedMSI", "tenant", null },
        { "app", "", "UserAssignedMSI", "", "UserAssignedMSI needs MicrosoftAppTenantId" },
        { "app", "secret", "UserAssignedMSI", "tenant", "takes no MicrosoftAppPassword" },
        { "app", "secret", "Federated", "tenant", "'Federated' is not one of" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Settings_are_checked_with_a_message_that_says_what_to_fix(string appId, string password, string type, string tenant, string? error)
    {
        var options = new BotFrameworkOptions { MicrosoftAppId = appId, MicrosoftAppPassword = password, MicrosoftAppType = type, MicrosoftAppTenantId = tenant };

        var result = new BotFrameworkOptionsValidator().Validate(null, options);

        if (error is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(error, result.FailureMessage);
        }
    }

    [Fact]
    public void The_host_refuses_to_start_with_invalid_settings()
    {
        var error = Support.StartFailure.Of(new() { ["MicrosoftAppId"] = "app", ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppPassword"] = "secret" });

        Assert.Contains("UserAssignedMSI", error.Message);
    }

    [Fact]
    public void Single_tenant_bots_get_tokens_from_their_own_tenant_and_multi_tenant_bots_from_botframework_com()
    {
        var single = new BotFrameworkOptions { MicrosoftAppId = "app", MicrosoftAppPassword = "s", MicrosoftAppType = "SingleTenant", MicrosoftAppTenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47" };
        var multi = new BotFrameworkOptions { MicrosoftAppId = "app", MicrosoftAppPassword = "s", MicrosoftAppType = "MultiTenant" };

        Assert.Equal("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47", Assert.IsType<MsalConnectorTokenProvider>(BotFrameworkHosting.CreateTokenProvider(single)).Authority);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", Assert.IsType<MsalConnectorTokenProvider>(BotFrameworkHosting.CreateTokenProvider(multi)).Authority);
    }

    [Fact]
    public void Managed_identity_and_auth_off_pick_their_providers()
    {
        var msi = new BotFrameworkOptions { MicrosoftAppId = "client-id", MicrosoftAppType = "userassignedmsi", MicrosoftAppTenantId = "t" };

        Assert.IsType<ManagedIdentityConnectorTokenProvider>(BotFrameworkHosting.CreateTokenProvider(msi));
        Assert.IsType<NoConnectorTokenProvider>(BotFrameworkHosting.CreateTokenProvider(new BotFrameworkOptions()));
    }
}
