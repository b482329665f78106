namespace RolePlayBot.Core.Tests.Personas;

/// <summary>A small valid persona file, and ways to break it, for the loader's lint tests.</summary>
internal static class SamplePersona
{
    public const string Text = """
        ---
        id: sample-late-parcel
        name: Sample customer
        locale: en
        dimension: speed
        difficulty: 2
        tags: [sample]
        scenario: A parcel is two days late.
        facts:
          product: Desk lamp
          amount: "$39"
          order_id: "A-1001"
          order_date: June 3
          order_status: In transit
          logistics: UPS 1Z999, last scan June 4 in Leipzig
          extra:
            promised_delivery: June 5
        opening: Where is my lamp? It was due on {{promised_delivery}}.
        hidden_needs:
          - id: know-when
            description: Wants a delivery date
            met_by_items: [clear_information, time_commitment]
            met_by_keywords: []
            reminders: ["So when will it come?", "I still don't have a date."]
          - id: refund-shipping
            description: Wants the shipping fee back
            met_by_items: [concrete_solution]
            met_by_keywords: [refund, shipping fee]
            reminders: ["And the shipping fee?"]
            required: false
        mood:
          anger: 50
          patience: 70
          escalate_at: 90
          resolve_at: 25
          chase_after_seconds: 60
          leave_after_seconds: 600
        reactions:
          time_commitment: { anger: -10, patience: 5 }
          blame_shifting: { anger: 20, patience: -10 }
        lines:
          escalation: ["I'm leaving a one-star review."]
          resolution: ["OK, thanks."]
          abandon: ["Forget it."]
          chase: ["Hello?"]
          give_info: ["Order {{order_id}}, the {{product}}."]
          hold_to_time: ["Fine, I'll wait until {{promised}}."]
          blamed: ["That's not my fault."]
          brushed: ["That's it?"]
          vague: ["What does soon mean?"]
          softening: ["OK, thanks for checking."]
          by_mood:
            calm: ["Alright."]
            upset: ["This is annoying."]
            angry: ["This is ridiculous."]
        ---
        # Sample customer

        Wants the lamp for a home office.
        """;

    /// <summary>The text with the first occurrence of <paramref name="from"/> replaced; fails loudly if absent.</summary>
    public static string With(string from, string to)
    {
        Assert.Contains(from, Text, StringComparison.Ordinal);
        var index = Text.IndexOf(from, StringComparison.Ordinal);
        return Text[..index] + to + Text[(index + from.Length)..];
    }

    /// <summary>1-based line of the character at <paramref name="index"/>.</summary>
    public static int LineAt(string text, int index) => text[..index].Count(c => c == '\n') + 1;

    /// <summary>1-based line of the first line of <paramref name="text"/> containing <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(fragment, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{fragment}' not in the text");
        return index + 1;
    }
}
