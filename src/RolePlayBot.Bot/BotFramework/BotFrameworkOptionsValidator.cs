using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.BotFramework;

/// <summary>Rejects combinations the Bot Framework would only fail on at the first token request (botbuilder's credential factory rules).</summary>
public sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var errors = new List<string>();
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        if (!options.AuthenticationEnabled)
        {
            if (hasPassword)
            {
                errors.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty: set the app id, or clear the password to run with authentication off.");
            }

            return Result(errors);
        }

        if (options.IsType(BotFrameworkOptions.UserAssignedMsi))
        {
            if (!hasTenant)
            {
                errors.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId (the managed identity's tenant).");
            }

            if (hasPassword)
            {
                errors.Add("MicrosoftAppType UserAssignedMSI takes no MicrosoftAppPassword: a managed identity has no secret; clear it.");
            }
        }
        else if (options.IsType(BotFrameworkOptions.SingleTenant))
        {
            if (!hasTenant)
            {
                errors.Add("MicrosoftAppType SingleTenant needs MicrosoftAppTenantId (the tenant the app registration lives in).");
            }

            if (!hasPassword)
            {
                errors.Add("MicrosoftAppType SingleTenant needs MicrosoftAppPassword (the app registration's client secret).");
            }
        }
        else if (options.IsType(BotFrameworkOptions.MultiTenant))
        {
            if (!hasPassword)
            {
                errors.Add("MicrosoftAppType MultiTenant needs MicrosoftAppPassword (the app registration's client secret).");
            }
        }
        else
        {
            errors.Add($"MicrosoftAppType '{options.MicrosoftAppType}' is not one of SingleTenant, MultiTenant, UserAssignedMSI.");
        }

        return Result(errors);
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
