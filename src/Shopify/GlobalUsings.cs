global using System.Globalization;
global using System.Text.Json;
global using Microsoft.Extensions.Logging;
