# Multi-stage build of src/Datagen. Build context: the repository root.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/Datagen -c Release -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0

WORKDIR /app
COPY --from=build /app .
# The non-root user that the .NET images provide.
USER app
ENTRYPOINT ["dotnet", "Retail.Datagen.dll"]
