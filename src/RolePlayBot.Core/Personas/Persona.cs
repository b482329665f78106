using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Mood;

namespace RolePlayBot.Core.Personas;

/// <summary>
/// A difficult customer, read from one Markdown file with YAML front matter in the personas folder.
/// The front matter drives the offline engine and the mood model; <see cref="Character"/> (the Markdown body)
/// is what a model plays.
/// </summary>
public sealed record Persona
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Locale { get; init; }
    /// <summary>The course dimension this customer mostly tests.</summary>
    public required Dimension Dimension { get; init; }
    /// <summary>1 (forgiving) to 5 (hardest). Scales mood effects, patience and chasing; see <see cref="Difficulty"/>.</summary>
    public required int Difficulty { get; init; }
    public required string Scenario { get; init; }
    public required OrderFacts Facts { get; init; }
    public required string Opening { get; init; }
    public required IReadOnlyList<HiddenNeed> HiddenNeeds { get; init; }
    public required PersonaMood Mood { get; init; }
    /// <summary>Per-item overrides of the checklist's default mood effects.</summary>
    public IReadOnlyDictionary<string, MoodEffect> Reactions { get; init; } = new Dictionary<string, MoodEffect>();
    public required PersonaLines Lines { get; init; }
    /// <summary>The Markdown body: the character description the model plays.</summary>
    public required string Character { get; init; }
    /// <summary>Where the persona was read from (for errors and the persona file's version).</summary>
    public string SourcePath { get; init; } = "";
    /// <summary>SHA-256 of the file's bytes, so stored sessions can name the persona version they used.</summary>
    public string Version { get; init; } = "";
    /// <summary>Free tags such as "peak-hour" or "vip".</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>The order facts a good agent can look up and use.</summary>
public sealed record OrderFacts
{
    public required string Product { get; init; }
    public required string Amount { get; init; }
    public required string OrderId { get; init; }
    public required string OrderDate { get; init; }
    public required string OrderStatus { get; init; }
    public required string Logistics { get; init; }
    /// <summary>Other facts by name (e.g. "size_bought", "promised_delivery"), usable in lines as {{name}}.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Something the customer wants but may not say outright. Met when a reply shows all of <see cref="MetByItems"/>
/// and (when any are given) contains one of <see cref="MetByKeywords"/>. Until met, <see cref="Reminders"/>
/// bring it back.
/// </summary>
public sealed record HiddenNeed
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public IReadOnlyList<string> MetByItems { get; init; } = [];
    public IReadOnlyList<string> MetByKeywords { get; init; } = [];
    public required IReadOnlyList<string> Reminders { get; init; }
    /// <summary>Needs marked required must be met for the customer to accept a resolution.</summary>
    public bool Required { get; init; } = true;
}

/// <summary>Where the mood starts and where it tips.</summary>
public sealed record PersonaMood
{
    public required int Anger { get; init; }
    public required int Patience { get; init; }
    /// <summary>Anger at or above this: the customer escalates (差评 / 12315) and leaves.</summary>
    public int EscalateAt { get; init; } = 90;
    /// <summary>Anger at or below this, with every required need met: the customer accepts and the session resolves.</summary>
    public int ResolveAt { get; init; } = 30;
    /// <summary>A reply slower than this makes the customer chase ("在吗？").</summary>
    public int ChaseAfterSeconds { get; init; } = 60;
    /// <summary>Waiting longer than this in one go: the customer gives up (abandoned).</summary>
    public int LeaveAfterSeconds { get; init; } = 600;
}

/// <summary>
/// The scripted lines the offline engine speaks. Lines may use {{product}}, {{amount}}, {{order_id}},
/// {{order_date}}, {{order_status}}, {{logistics}}, any extra fact, and {{promised}} (the time the agent promised).
/// </summary>
public sealed record PersonaLines
{
    /// <summary>Said when anger reaches <see cref="PersonaMood.EscalateAt"/> (threatens 差评 / 12315 and leaves).</summary>
    public required IReadOnlyList<string> Escalation { get; init; }
    /// <summary>Said when the customer accepts the resolution.</summary>
    public required IReadOnlyList<string> Resolution { get; init; }
    /// <summary>Said when the customer gives up waiting.</summary>
    public required IReadOnlyList<string> Abandon { get; init; }
    /// <summary>Chasers after a slow reply ("在吗？", "还有人吗？").</summary>
    public required IReadOnlyList<string> Chase { get; init; }
    /// <summary>Answers when the agent asks for the order number, photos or details.</summary>
    public required IReadOnlyList<string> GiveInfo { get; init; }
    /// <summary>Holding the agent to a promised time ("好，那我等到{{promised}}").</summary>
    public required IReadOnlyList<string> HoldToTime { get; init; }
    /// <summary>Reaction to blame-shifting or being treated as a liar.</summary>
    public required IReadOnlyList<string> Blamed { get; init; }
    /// <summary>Reaction to a cold or impatient reply.</summary>
    public required IReadOnlyList<string> Brushed { get; init; }
    /// <summary>Reaction to a vague reply that neither helps nor harms.</summary>
    public required IReadOnlyList<string> Vague { get; init; }
    /// <summary>Softening when the agent shows real empathy or ownership.</summary>
    public required IReadOnlyList<string> Softening { get; init; }
    /// <summary>Mood-keyed filler: said when nothing more specific applies, by the customer's anger.</summary>
    public required MoodLines ByMood { get; init; }
}

/// <summary>Lines by mood band: calm (anger below 40), upset (40–69), angry (70 and above).</summary>
public sealed record MoodLines
{
    public required IReadOnlyList<string> Calm { get; init; }
    public required IReadOnlyList<string> Upset { get; init; }
    public required IReadOnlyList<string> Angry { get; init; }
}
