# syntax=docker/dockerfile:1
# One image: the React SPA built by Node, the silo published by the .NET SDK, both run by the ASP.NET runtime.

FROM node:22-bookworm-slim AS spa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS silo
WORKDIR /src
COPY CollectorShop.sln Directory.Build.props Directory.Packages.props ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet restore src/CollectorShop.Silo/CollectorShop.Silo.csproj
# SkipSpa: the SPA comes from the Node stage, so the SDK image needs no Node.
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish src/CollectorShop.Silo/CollectorShop.Silo.csproj -c Release --no-restore -p:SkipSpa=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=silo /app ./
COPY --from=spa /src/frontend/dist/ ./wwwroot/
# The embedded mode keeps its SQLite file and development secret here; the app files stay read-only.
RUN mkdir data && chown 1654:1654 data
ENV ASPNETCORE_ENVIRONMENT=Production \
    Urls=http://+:8080
EXPOSE 8080 11111 30000
# 1654 is the images' non-root "app" user; numeric so Kubernetes can verify runAsNonRoot.
USER 1654
ENTRYPOINT ["dotnet", "CollectorShop.Silo.dll"]
