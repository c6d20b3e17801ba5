import 'reflect-metadata';
import { ReferralSortField } from '../../src/modules/referrals/referral-query.service';
import { SortDirection } from '../../src/platform/database/keyset-page';
import { randomUUID } from 'node:crypto';
import { Caller } from '../../src/modules/org/caller';
import { Employee } from '../../src/modules/org/employee.entity';
import { Referral } from '../../src/modules/referrals/referral.entity';
import { ReferralState } from '../../src/modules/referrals/referral-state';
import { Lookout } from '../../src/modules/tecs/lookout.entity';
import { Crossing } from '../../src/modules/tecs/crossing.entity';
import { LATEST_CROSSED_FIRST } from '../../src/modules/tecs/tecs-orders';
import { TecsAccess } from '../../src/modules/tecs/tecs-access';
import { LookoutState } from '../../src/modules/tecs/tecs-state';
import { startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, VALID_14566 } from '../support/org-fixture';
import { copyRow } from '../support/row-copies';
import { createTecsOrganisation } from '../support/tecs-fixture';
import { investigationOnLookout } from '../support/tecs-operations';

/**
 * Visibility is written twice: in TypeScript for one row (canSee) and in SQL for lists (visibleTo, restrict).
 * Over generated real rows — every combination of the caller's relation to the row, the row's state and the
 * caller's roles — both must give the same answer for every employee.
 */
jest.setTimeout(60_000);

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-03-02T14:00:00Z' });
});

afterAll(() => hub.stop());

const copy = (table: string, id: string, changes: Record<string, unknown>) => copyRow(hub.database.dataSource, table, id, changes);

const callers = async (): Promise<Caller[]> =>
  Promise.all((await hub.database.dataSource.manager.find(Employee)).map((employee) => hub.services.org.loadCaller(employee.id)));

it('ReferralService.canSee and the referral lists agree on every generated referral, for every employee', async () => {
  const org = await createTestOrganisation(hub.services, hub.database.dataSource);
  const { people, functions } = org;
  const originator = await hub.services.org.loadCaller(people.originator.id);
  const filed = await hub.services.referrals.file(originator, {
    form: 'F14566' as never,
    receivingFunctionId: functions.ef.id,
    content: { form14566: VALID_14566 as never },
  });
  const states = Object.values(ReferralState);
  let n = 0;
  for (const originatorId of [people.originator.id, people.efWorker.id])
    for (const originating of [functions.am.id, functions.rivo.id])
      for (const receiving of [functions.ef.id, functions.cawr.id])
        for (const assignee of [null, people.efWorker.id, people.rivoWorker.id])
          for (const holders of [[], [people.amManager.id], [people.efDirector.id, people.amColleague.id]]) {
            await copy('referral', filed.id, {
              originator_id: originatorId,
              originating_function_id: originating,
              receiving_function_id: receiving,
              assignee_id: assignee,
              elevation_holder_ids: holders,
              state: states[n++ % states.length],
            });
          }
  const referrals = await hub.database.dataSource.manager.find(Referral);
  expect(referrals.length).toBeGreaterThan(70);
  for (const caller of await callers()) {
    const order = { field: ReferralSortField.FILED_AT, direction: SortDirection.DESC };
    const page = await hub.services.referralQueries.list(caller, {}, order, { first: 100 }, hub.clock.now());
    expect(page.hasNextPage).toBe(false);
    const bySql = page.items.map((item) => item.node.id).sort();
    const byRule = referrals
      .filter((referral) => hub.services.referrals.canSee(caller, referral))
      .map((referral) => referral.id)
      .sort();
    expect({ caller: caller.id, visible: bySql }).toEqual({ caller: caller.id, visible: byRule });
  }
});

it('TecsAccess.canSee and restrict agree on every generated lookout, and the crossings list with assertCanSee, for every employee', async () => {
  const people = await createTecsOrganisation(hub.services);
  const { lookout, crossing, oi } = await investigationOnLookout(hub, people, 'DHS-TWINS-1');
  const issuedTo = [[], [people.otherRo.id], [people.intlGm.id, people.miamiRo.id]];
  let n = 0;
  for (const ro of [people.clevelandRo.id, people.miamiRo.id])
    for (const gm of [people.clevelandGm.id, people.intlGm.id])
      for (const state of Object.values(LookoutState)) {
        const id = randomUUID();
        await copy('lookout', lookout.id, { id, revenue_officer_id: ro, group_manager_id: gm, state });
        await copy('crossing', crossing.id, { lookout_id: id, dhs_report_id: `DHS-TWINS-${id}` });
        const issued = issuedTo[n++ % issuedTo.length];
        if (issued.length) await copy('other_investigation', oi.id, { lookout_id: id, issued_to_ids: issued });
      }
  const { manager } = hub.database.dataSource;
  const lookouts = await manager.find(Lookout);
  expect(lookouts.length).toBeGreaterThan(30);
  const ois: { lookout_id: string; issued_to_ids: string[] }[] = await hub.database.dataSource.query(
    'SELECT lookout_id, issued_to_ids FROM other_investigation',
  );
  const issuedToIds = (lookoutId: string) => ois.filter((row) => row.lookout_id === lookoutId).flatMap((row) => row.issued_to_ids);
  const access = new TecsAccess();
  for (const caller of await callers()) {
    const bySql = (await access.restrict(manager.createQueryBuilder(Lookout, 'l'), caller).getMany()).map((row) => row.id).sort();
    const byRule = lookouts
      .filter((row) => access.canSee(caller, row, issuedToIds(row.id)))
      .map((row) => row.id)
      .sort();
    expect({ caller: caller.id, visible: bySql }).toEqual({ caller: caller.id, visible: byRule });
    // The crossings connection is the SQL twin of CrossingService.assertCanSee (through the lookout's rule).
    const crossings = await manager.find(Crossing);
    const listed = await hub.services.crossings.list(caller, LATEST_CROSSED_FIRST, { first: 500 });
    expect(listed.hasNextPage).toBe(false);
    const reads = hub.services.lookouts.readsThrough(manager);
    const seen = await Promise.all(
      crossings.map((row) =>
        hub.services.crossings.assertCanSee(reads, caller, row).then(
          () => row.id,
          () => null,
        ),
      ),
    );
    expect({ caller: caller.id, crossings: listed.items.map((item) => item.node.id).sort() }).toEqual({
      caller: caller.id,
      crossings: seen.filter((id): id is string => id !== null).sort(),
    });
  }
});
