using System;
using System.ComponentModel;
using System.Globalization;

namespace OmsGenerated.Oms;

/// <summary>
/// Converts between <see cref="OmsRegion"/> and its ID, so that configuration binding, <c>TypeDescriptor</c> and UI
/// property grids accept <c>"ap-southeast-1"</c>. An unknown ID is an error that lists the valid ones.
/// </summary>
public sealed class OmsRegionConverter : TypeConverter
{
    /// <inheritdoc />
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType)
        => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc />
    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType)
        => destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The text is not an OMS region ID; the message lists the valid IDs.</exception>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
        => value is string id ? OmsRegion.Parse(id) : base.ConvertFrom(context, culture, value);

    /// <inheritdoc />
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType)
        => destinationType == typeof(string) && value is OmsRegion region ? region.Id : base.ConvertTo(context, culture, value, destinationType);
}
