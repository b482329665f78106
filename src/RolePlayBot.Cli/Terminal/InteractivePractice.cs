using RolePlayBot.Core;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Core.Sessions;
using Spectre.Console;

namespace RolePlayBot.Cli.Terminal;

/// <summary>
/// The terminal practice loop: the customer's messages, a mood meter, feedback after each reply (toggle),
/// /hint, /end, /restart, and the scorecard at the end. The customer chases while the trainee is slow.
/// </summary>
internal sealed class InteractivePractice(Workspace workspace, int seed, bool feedbackOn)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _feedback = feedbackOn;

    public async Task<int> RunAsync(string? personaId, string? locale, CancellationToken cancellationToken)
    {
        var engines = workspace.CreateEngines(Console.Error);
        var persona = personaId is null ? Choose() : workspace.Personas.Find(personaId, locale);
        if (persona is null)
        {
            Console.Error.WriteLine(personaId is null
                ? "error: no personas to practise with."
                : $"error: unknown persona '{personaId}'. Known: {string.Join(", ", workspace.Personas.Ids)}");
            return 2;
        }

        var round = 0;
        while (true)
        {
            var session = new PracticeSession(persona, engines.Engines, TimeProvider.System, seed + round++);
            var next = await PlayAsync(session, cancellationToken);
            ScorecardView.Write(new ScorecardBuilder(workspace.Checklist).Build(session));
            if (next != Next.Restart)
            {
                return 0;
            }

            AnsiConsole.Write(new Rule());
        }
    }

    private Persona? Choose()
    {
        var personas = PersonaTable.Ordered(workspace.Personas.All);
        if (personas.Count == 0)
        {
            return null;
        }

        PersonaTable.Write(personas);
        var number = AnsiConsole.Prompt(
            new TextPrompt<int>("选择客户 / choose a customer (#):")
                .DefaultValue(1)
                .Validate(n => n >= 1 && n <= personas.Count ? ValidationResult.Success() : ValidationResult.Error($"1–{personas.Count}")));
        return personas[number - 1];
    }

    private async Task<Next> PlayAsync(PracticeSession session, CancellationToken cancellationToken)
    {
        var zh = Locales.IsChinese(session.Locale);
        var persona = session.Persona;
        Header(persona, zh);
        var opening = session.Start();
        TranscriptView.Customer(persona.Name, opening.Text);
        MoodMeter.Write(session.Mood, session.Locale);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chasing = ChaseAsync(session, stop.Token);
        try
        {
            while (!session.IsOver)
            {
                AnsiConsole.Markup(zh ? "[bold blue]你[/] > " : "[bold blue]You[/] > ");
                var line = Console.ReadLine();
                if (line is null)
                {
                    session.End();
                    return Next.Quit;
                }

                line = line.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                switch (line.ToLowerInvariant())
                {
                    case "/end":
                        session.End();
                        return Next.Quit;
                    case "/restart":
                        session.End();
                        return Next.Restart;
                    case "/hint":
                        AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(new Hints(workspace.Checklist).For(session))}[/]");
                        continue;
                    case "/feedback":
                        _feedback = !_feedback;
                        AnsiConsole.MarkupLine(zh ? $"[grey]逐条点评：{(_feedback ? "开" : "关")}[/]" : $"[grey]Feedback after each reply: {(_feedback ? "on" : "off")}[/]");
                        continue;
                    case "/help":
                        AnsiConsole.MarkupLine(zh
                            ? "[grey]/hint 提示  /feedback 开关逐条点评  /restart 重新开始  /end 结束并看成绩单[/]"
                            : "[grey]/hint a hint  /feedback toggle feedback  /restart start over  /end finish and see the scorecard[/]");
                        continue;
                }

                await _gate.WaitAsync(cancellationToken);
                Turn turn;
                try
                {
                    if (session.IsOver)
                    {
                        break;
                    }

                    turn = await session.ReplyAsync(line, DateTimeOffset.UtcNow, cancellationToken);
                }
                finally
                {
                    _gate.Release();
                }

                if (_feedback)
                {
                    FeedbackView.Write(turn.Evaluation, session.Locale);
                }

                if (turn.CustomerReply is not null)
                {
                    TranscriptView.Customer(persona.Name, turn.CustomerReply.Text);
                    if (turn.CustomerReply.Source == Core.Customers.CustomerMessage.Fallback)
                    {
                        AnsiConsole.MarkupLine(zh ? "[grey](模型暂时不可用，本轮由离线引擎扮演客户)[/]" : "[grey](the model is unavailable; the offline engine answered this turn)[/]");
                    }
                }

                MoodMeter.Write(session.Mood, session.Locale);
            }

            return Next.Quit;
        }
        finally
        {
            await stop.CancelAsync();
            await chasing;
        }
    }

    /// <summary>While the trainee types, the clock runs: a slow reply makes the customer chase, and at last leave.</summary>
    private async Task ChaseAsync(PracticeSession session, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await _gate.WaitAsync(cancellationToken);
                try
                {
                    foreach (var message in await session.CheckWaitingAsync(DateTimeOffset.UtcNow, cancellationToken))
                    {
                        AnsiConsole.WriteLine();
                        TranscriptView.Customer(session.Persona.Name, message.Text);
                        MoodMeter.Write(session.Mood, session.Locale);
                    }

                    if (session.IsOver)
                    {
                        AnsiConsole.MarkupLine(Locales.IsChinese(session.Locale) ? "[grey](客户已离开，按回车查看成绩单)[/]" : "[grey](the customer left; press Enter for the scorecard)[/]");
                        return;
                    }
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void Header(Persona persona, bool zh)
    {
        var facts = persona.Facts;
        var body = string.Join('\n',
            $"[bold]{Markup.Escape(persona.Name)}[/]  {new string('★', persona.Difficulty)}{new string('☆', 5 - persona.Difficulty)}  [grey]{persona.Dimension.ToString().ToLowerInvariant()}[/]",
            Markup.Escape(persona.Scenario),
            "",
            $"[grey]{(zh ? "订单" : "Order")}[/] {Markup.Escape(facts.OrderId)}  [grey]{(zh ? "商品" : "Product")}[/] {Markup.Escape(facts.Product)}  [grey]{(zh ? "金额" : "Amount")}[/] {Markup.Escape(facts.Amount)}",
            $"[grey]{(zh ? "下单" : "Ordered")}[/] {Markup.Escape(facts.OrderDate)}  [grey]{(zh ? "状态" : "Status")}[/] {Markup.Escape(facts.OrderStatus)}",
            $"[grey]{(zh ? "物流" : "Logistics")}[/] {Markup.Escape(facts.Logistics)}",
            "",
            zh ? "[grey]/hint 提示 · /feedback 开关点评 · /restart 重来 · /end 结束[/]" : "[grey]/hint · /feedback · /restart · /end[/]");
        AnsiConsole.Write(new Panel(body) { Header = new PanelHeader(zh ? "练习客户" : "Your customer"), Border = BoxBorder.Rounded });
    }

    private enum Next
    {
        Quit,
        Restart,
    }
}
