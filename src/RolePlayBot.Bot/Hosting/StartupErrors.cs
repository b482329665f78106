using Microsoft.Extensions.Options;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Prompts;

namespace RolePlayBot.Bot.Hosting;

/// <summary>
/// Start-up failures a trainer or an operator can fix by editing a file or a setting: they deserve one plain line
/// (file:line: field: problem, or the setting's name) at the end of the output, not a stack trace to dig through.
/// </summary>
public static class StartupErrors
{
    /// <summary>
    /// True when this program is the process itself. When another program runs its entry point (WebApplicationFactory
    /// in tests starts the host through it), the failure must reach that caller as the exception it is.
    /// </summary>
    public static bool IsOwnProcess(System.Reflection.Assembly program) => System.Reflection.Assembly.GetEntryAssembly() == program;

    /// <summary>The line to print for a fixable start-up failure, or null when <paramref name="error"/> is a real bug.</summary>
    public static string? Explain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ChecklistLoadException checklist:
                    return checklist.Message;
                case PromptTemplateException prompt:
                    return prompt.Message;
                case OptionsValidationException options:
                    return string.Join(Environment.NewLine, options.Failures);
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    return Explain(aggregate.InnerExceptions[0]);
            }
        }

        return null;
    }
}
