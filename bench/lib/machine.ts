import { cpus, release, totalmem, type } from 'node:os';
import { Client } from 'pg';
import { MachineInfo } from './report';

const SETTINGS = ['shared_buffers', 'work_mem', 'max_connections', 'fsync', 'synchronous_commit', 'jit', 'random_page_cost'];

export async function machineInfo(client: Client, database: string): Promise<MachineInfo> {
  const { rows } = await client.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`,
    [SETTINGS],
  );
  const version = (await client.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version'])).rows[0].v;
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown CPU',
    cores: processors.length,
    ramGiB: totalmem() / 2 ** 30,
    os: `${type()} ${release()}`,
    node: process.version,
    postgres: version,
    postgresSettings: Object.fromEntries(rows.map((row) => [row.name, row.setting])),
    database,
  };
}
