using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.DirectLine;

internal sealed class ValidateDirectLineOptions : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options) =>
        options.Validate() is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
}
