using System;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OmsGenerated.Runtime.Validation;

/// <summary>Constraint checks generated code runs before sending. Messages name the field, never its value.</summary>
public static class Guard
{
    public static void Required([NotNull] object? value, string field)
    {
        if (value is null)
        {
            throw new ArgumentException(field + " is required.", field);
        }
    }

    public static void Length(string? value, int? minLength, int? maxLength, string field)
    {
        if (value is null)
        {
            return;
        }

        if (minLength is { } min && value.Length < min)
        {
            throw new ArgumentException(field + " must be at least " + min.ToString(CultureInfo.InvariantCulture) + " characters long (it has " + value.Length.ToString(CultureInfo.InvariantCulture) + ").", field);
        }

        if (maxLength is { } max && value.Length > max)
        {
            throw new ArgumentException(field + " must be at most " + max.ToString(CultureInfo.InvariantCulture) + " characters long (it has " + value.Length.ToString(CultureInfo.InvariantCulture) + ").", field);
        }
    }

    public static void Range(double? value, double? minimum, bool exclusiveMinimum, double? maximum, bool exclusiveMaximum, string field)
    {
        if (value is not { } v)
        {
            return;
        }

        if (minimum is { } min && (exclusiveMinimum ? v <= min : v < min))
        {
            throw new ArgumentOutOfRangeException(field, field + " must be " + (exclusiveMinimum ? "greater than " : "at least ") + min.ToString(CultureInfo.InvariantCulture) + ".");
        }

        if (maximum is { } max && (exclusiveMaximum ? v >= max : v > max))
        {
            throw new ArgumentOutOfRangeException(field, field + " must be " + (exclusiveMaximum ? "less than " : "at most ") + max.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }

    public static void Range(decimal? value, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum, string field)
        => Range((double?)value, (double?)minimum, exclusiveMinimum, (double?)maximum, exclusiveMaximum, field);

    public static void Count(ICollection? value, int? minItems, int? maxItems, string field)
    {
        if (value is null)
        {
            return;
        }

        if (minItems is { } min && value.Count < min)
        {
            throw new ArgumentException(field + " must have at least " + min.ToString(CultureInfo.InvariantCulture) + " items.", field);
        }

        if (maxItems is { } max && value.Count > max)
        {
            throw new ArgumentException(field + " must have at most " + max.ToString(CultureInfo.InvariantCulture) + " items.", field);
        }
    }

    /// <summary>Rejects a value outside the documented enum before it is sent.</summary>
    public static void Known(bool isKnown, string value, string field)
    {
        if (!isKnown)
        {
            throw new ArgumentException(field + " has the value '" + value + "', which the API description does not list.", field);
        }
    }
}
