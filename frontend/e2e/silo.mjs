// Starts the real silo on a fresh temporary database with its own ports, and stops it by PID.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ADMIN = { email: 'admin@e2e.test', password: 'E2e-admin-password!' };

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

export async function startSilo({ repo, webRoot, logFile }) {
  const siloProject = join(repo, 'src/CollectorShop.Silo');
  const dll = process.env.COLLECTOR_SHOP_SILO_DLL ?? join(siloProject, 'bin/Release/net10.0/CollectorShop.Silo.dll');
  if (!existsSync(dll)) throw new Error(`The silo is not built: ${dll} is missing (dotnet build -c Release first).`);
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`The SPA is not built: ${webRoot}/index.html is missing (npm run build first).`);

  const data = mkdtempSync(join(tmpdir(), 'collector-shop-e2e-'));
  const [http, siloPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${http}`;
  const log = openSync(logFile, 'w');
  const child = spawn('dotnet', [dll], {
    cwd: siloProject,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      // Not Development, whose static web assets would serve the silo's own wwwroot over this build;
      // not Production, so the development payment gateway is open.
      ASPNETCORE_ENVIRONMENT: 'Staging',
      ASPNETCORE_WEBROOT: resolve(webRoot),
      Urls: baseUrl,
      ConnectionStrings__Shop: `Data Source=${join(data, 'shop.db')}`,
      Orleans__SiloPort: String(siloPort),
      Orleans__GatewayPort: String(gatewayPort),
      Orleans__ClusterId: `e2e-${http}`,
      Jwt__Secret: 'e2e-secret-that-is-long-enough-for-hs256-signing',
      Admin__Email: ADMIN.email,
      Admin__Password: ADMIN.password,
      Demo__Seed: 'false',
      RabbitMQ__Url: '',
    },
  });

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((done) => child.once('exit', done)), new Promise((done) => setTimeout(done, 15000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(data, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The silo exited with code ${child.exitCode}; see ${logFile}`);
    }
    try {
      const ready = await fetch(`${baseUrl}/health/ready`);
      if (ready.ok) return { baseUrl, stop, pid: child.pid };
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  await stop();
  throw new Error(`The silo was not ready within 90 s; see ${logFile}`);
}
