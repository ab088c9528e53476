using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OmsGenerated.Generator.Model;

namespace OmsGenerated.Generator.Tests.CorpusProof;

/// <summary>
/// Makes simple schema-valid values for the parameters and bodies of a generated client, by reflection over its types:
/// required members set, optional ones left out, numbers and lengths inside the declared limits the model knows.
/// Throws <see cref="NotSupportedException"/> with the reason when a type cannot be made (the operation is skipped).
/// </summary>
internal sealed class ArgumentSynthesizer
{
    private const int MaxDepth = 8;
    private readonly ApiModel _model;

    public ArgumentSynthesizer(ApiModel model) => _model = model;

    public object? ForParameter(ParameterModel parameter, Type type) => Make(type, parameter.Constraints, 0);

    public object? Make(Type type, Constraints? constraints, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new NotSupportedException("required members nest deeper than " + MaxDepth + " levels at " + type.Name);
        }

        constraints ??= Constraints.None;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Make(underlying, constraints, depth);
        }

        if (type == typeof(string))
        {
            int length = Math.Max(3, constraints.MinLength ?? 0);
            if (constraints.MaxLength is { } max)
            {
                length = Math.Min(length, max);
            }

            return new string('a', length);
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(short))
        {
            decimal value = 1;
            if (constraints.Minimum is { } min && decimal.TryParse(min, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal lower))
            {
                value = Math.Max(value, constraints.ExclusiveMinimum ? Math.Floor(lower) + 1 : Math.Ceiling(lower));
            }

            if (constraints.Maximum is { } maxText && decimal.TryParse(maxText, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal upper) && value > upper)
            {
                value = constraints.ExclusiveMaximum ? Math.Ceiling(upper) - 1 : Math.Floor(upper);
            }

            return Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }

        if (type == typeof(Guid))
        {
            return Guid.Parse("6a2fd0a3-5f45-4a3e-8b8a-0c3d6f1f4a11");
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2024, 5, 17, 8, 30, 0, TimeSpan.Zero);
        }

        if (type == typeof(DateTime))
        {
            return new DateTime(2024, 5, 17, 8, 30, 0, DateTimeKind.Utc);
        }

        if (type == typeof(DateOnly))
        {
            return new DateOnly(2024, 5, 17);
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromMinutes(5);
        }

        if (type == typeof(byte[]))
        {
            return new byte[] { 1, 2, 3 };
        }

        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        if (type == typeof(object))
        {
            return "a";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            int count = Math.Max(1, constraints.MinItems ?? 0);
            for (int i = 0; i < count; i++)
            {
                list.Add(Make(type.GetGenericArguments()[0], null, depth + 1));
            }

            return list;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return Activator.CreateInstance(type);
        }

        // generated enums are structs wrapping the wire value, with a static field per member
        if (type.IsValueType && type.GetProperty("Value") is not null
            && type.GetFields(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(f => f.FieldType == type) is { } member)
        {
            return member.GetValue(null);
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type.IsClass && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is { } constructor)
        {
            object instance = constructor.Invoke(null);
            var declared = _model.Objects.FirstOrDefault(o => o.Name == type.Name);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.IsDefined(typeof(RequiredMemberAttribute), false)))
            {
                var propertyConstraints = declared?.Properties.FirstOrDefault(p => p.Name == property.Name)?.Constraints;
                property.SetValue(instance, Make(property.PropertyType, propertyConstraints, depth + 1));
            }

            return instance;
        }

        throw new NotSupportedException("no value can be made for " + type.FullName);
    }
}
