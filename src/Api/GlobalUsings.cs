global using Microsoft.AspNetCore.Http.HttpResults;
global using Orleans;
global using Retail.Grains.Abstractions;
global using Retail.ServiceDefaults;
