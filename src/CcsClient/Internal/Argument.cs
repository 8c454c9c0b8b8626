using System;

namespace Ccs;

/// <summary>Argument checks shared by the facade: each throws before anything is sent, naming the parameter.</summary>
internal static class Argument
{
    public static Guid NotEmpty(Guid value, string paramName)
        => value == Guid.Empty ? throw new ArgumentException("The id must not be Guid.Empty.", paramName) : value;

    public static T NotNull<T>(T? value, string paramName)
        where T : class
        => value ?? throw new ArgumentNullException(paramName);

    public static string NotBlank(string? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("The value must not be empty or white space.", paramName) : value;
    }

    public static string CallId(string? callId, string paramName)
    {
        NotBlank(callId, paramName);
#if !NET
        // Without UriCreationOptions a dot segment cannot be kept out of URI canonicalization here.
        if (callId is "." or "..")
        {
            throw new ArgumentException("A call id of '.' or '..' cannot be sent safely on this platform.", paramName);
        }
#endif
        return callId!;
    }

    public static void NotNegative(int? value, string paramName, string what)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{what} must not be negative.");
        }
    }
}
