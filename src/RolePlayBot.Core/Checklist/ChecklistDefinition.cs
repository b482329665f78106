namespace RolePlayBot.Core.Checklist;

/// <summary>The whole checklist as loaded from the trainer-editable checklist file.</summary>
public sealed class ChecklistDefinition
{
    private readonly Dictionary<string, ChecklistItem> _byId;

    public ChecklistDefinition(IReadOnlyList<ChecklistItem> items)
    {
        Items = items;
        _byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>Items in file order; the 13 contract ids come first in the shipped file.</summary>
    public IReadOnlyList<ChecklistItem> Items { get; }

    public ChecklistItem this[string id] => _byId[id];

    public bool TryGet(string id, out ChecklistItem item) => _byId.TryGetValue(id, out item!);

    public IEnumerable<ChecklistItem> InDimension(Dimension dimension) => Items.Where(i => i.Dimension == dimension);
}
