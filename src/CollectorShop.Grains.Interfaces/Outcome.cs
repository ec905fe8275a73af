namespace CollectorShop.Grains;

/// <summary>Why a grain said no to an expected, everyday request; endpoints map it to HTTP.</summary>
[GenerateSerializer, Alias("RefusalKind")]
public enum RefusalKind
{
    /// <summary>Unknown object, or one the caller may not see (404).</summary>
    NotFound,
    /// <summary>The caller is not the owner or lacks the right (403).</summary>
    Forbidden,
    /// <summary>The object's current state forbids the transition (409).</summary>
    Conflict,
    /// <summary>The request itself breaks a rule (400).</summary>
    Invalid,
}

[GenerateSerializer, Immutable, Alias("Refusal")]
public sealed record Refusal(RefusalKind Kind, string Message);

/// <summary>Either the new snapshot of a grain after a transition, or the refusal.</summary>
[GenerateSerializer, Immutable, Alias("Outcome`1")]
public sealed record Outcome<T>(T? Value, Refusal? Refusal)
{
    public bool Succeeded => Refusal is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}

public static class Refuse
{
    public static Refusal NotFound(string message) => new(RefusalKind.NotFound, message);
    public static Refusal Forbidden(string message) => new(RefusalKind.Forbidden, message);
    public static Refusal Conflict(string message) => new(RefusalKind.Conflict, message);
    public static Refusal Invalid(string message) => new(RefusalKind.Invalid, message);
}
