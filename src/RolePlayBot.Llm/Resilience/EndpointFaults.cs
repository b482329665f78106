using System.ClientModel;

namespace RolePlayBot.Llm.Resilience;

/// <summary>Which failed calls say the endpoint is unwell (and count towards opening the circuit).</summary>
internal static class EndpointFaults
{
    /// <summary>
    /// Everything except a refusal of this one request on its merits: 400 (e.g. a content filter), 413 and 422 come
    /// from a live endpoint that would answer the next request. 401/403/404 count: every later call fails the same way.
    /// </summary>
    public static bool IsFault(Exception exception) =>
        exception is not ClientResultException { Status: 400 or 413 or 422 };
}
