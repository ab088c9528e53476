using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace OmsGenerated.Oms;

/// <summary>Runs <see cref="OmsClientOptions.Validate"/>'s checks for the options pattern (failures never contain secrets).</summary>
internal sealed class OmsClientOptionsValidator : IValidateOptions<OmsClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OmsClientOptions options)
    {
        IReadOnlyList<string> errors = options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
