// Every lib read path that can return people hides a soft-deleted person (issue 7, item 1): search, the
// search typeahead, profile, summary, strongest relationships, merge history, ego network (one and two
// hops), one relationship's factor breakdown, second-degree connections, lookup by email, path targets,
// the graph's default centre and the headline counts. After restorePerson they all show the person again.
// A visible twin shares the same unique token, so a filter on name or email alone cannot pass by accident.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db";
import { findSecondDegreeConnections } from "../graph/second-degree";
import { resolveTarget } from "../paths/queries";
import { getEdgeDetails } from "../people/edge-details";
import { getEgoNetwork } from "../people/ego-network";
import { findPeopleByEmails } from "../people/find-by-emails";
import {
  getMostConnectedPersonId,
  getPersonProfile,
  getPersonSummary,
  getStrongestRelationships,
  listMergedPeople,
  searchPeople,
} from "../people/queries";
import { searchPeopleTypeahead } from "../search/typeahead";
import { getHeadlineCounts, type HeadlineCounts } from "../stats/queries";
import { connect, createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { erasePerson } from "./erase-person";
import { listDeletedPeopleForPrivacy } from "./queries";
import { restorePerson, softDeletePerson } from "./soft-delete";

interface World {
  token: string;
  visible: { id: string; email: string };
  hidden: { id: string; email: string };
  hub: { id: string };
  center: { id: string };
  countsBefore: HeadlineCounts;
}

/**
 * centre — hub — visible, hub — hidden, hidden — visible, hidden — extra1, extra2: the hidden person has
 * the most edges (so it would be the default graph centre), is two hops from the centre, a direct
 * neighbour of the visible twin, and has absorbed a merge (so listMergedPeople would return it).
 */
async function buildWorld(): Promise<World> {
  const token = `qx${randomUUID().slice(0, 8)}`;
  const visibleEmail = `${token}.visible@example.com`;
  const hiddenEmail = `${token}.hidden@example.com`;
  const visible = await createPerson(prisma, { names: [`Visible ${token}`], emails: [visibleEmail] });
  const hidden = await createPerson(prisma, { names: [`Hidden ${token}`], emails: [hiddenEmail] });
  await prisma.person.update({ where: { id: hidden.id }, data: { previousIds: [randomUUID()], mergeExplanation: "test merge" } });
  const hub = await createPerson(prisma, { name: "Hub" });
  const center = await createPerson(prisma, { name: "Centre" });
  const extra1 = await createPerson(prisma, { name: "Extra one" });
  const extra2 = await createPerson(prisma, { name: "Extra two" });
  await connect(prisma, center, hub, { strength: 0.9 });
  await connect(prisma, hub, visible, { strength: 0.6 });
  await connect(prisma, hub, hidden, { strength: 0.8 });
  await connect(prisma, hidden, visible, { strength: 0.95 });
  await connect(prisma, hidden, extra1);
  await connect(prisma, hidden, extra2);
  const countsBefore = await getHeadlineCounts();
  return { token, visible: { id: visible.id, email: visibleEmail }, hidden: { id: hidden.id, email: hiddenEmail }, hub, center, countsBefore };
}

/** What every read path says about the hidden person: true where they show up. */
async function appearances(world: World) {
  const { token, visible, hidden, hub, center } = world;
  const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);
  const [search, searchByEmail, profile, summary, visibleRelationships, hubRelationships, merged, egoVisible, egoHub, egoHidden, secondDegree, byEmail, mostConnected] =
    await Promise.all([
      searchPeople(token),
      searchPeople(hidden.email),
      getPersonProfile(hidden.id),
      getPersonSummary(hidden.id),
      getStrongestRelationships(visible.id),
      getStrongestRelationships(hub.id),
      listMergedPeople(),
      getEgoNetwork(visible.id, 50),
      getEgoNetwork(hub.id, 50),
      getEgoNetwork(hidden.id, 50),
      findSecondDegreeConnections(prisma, center.id),
      findPeopleByEmails(prisma, [visible.email, hidden.email.toUpperCase()]),
      getMostConnectedPersonId(),
    ]);
  const [typeahead, typeaheadByEmail, edgeDetails, egoTwoHops] = await Promise.all([
    searchPeopleTypeahead(prisma, token, 20),
    searchPeopleTypeahead(prisma, hidden.email, 20),
    getEdgeDetails(hub.id, hidden.id),
    getEgoNetwork(center.id, { hops: 2 }),
  ]);
  const targetById = await resolveTarget(prisma, hidden.id).then((target) => target.kind === "person" && target.person.id === hidden.id, () => false);
  const targetByEmail = await resolveTarget(prisma, hidden.email).then((target) => target.kind === "person" && target.person.id === hidden.id, () => false);
  const egoHas = (graph: Awaited<ReturnType<typeof getEgoNetwork>>) =>
    graph !== null && (graph.nodes.some((node) => node.id === hidden.id) || graph.edges.some((edge) => edge.source === hidden.id || edge.target === hidden.id));
  return {
    search: ids(search).includes(hidden.id),
    searchByEmail: ids(searchByEmail).includes(hidden.id),
    profile: profile !== null,
    summary: summary !== null,
    relationshipsOfTwin: visibleRelationships.rows.some((row) => row.person.id === hidden.id),
    relationshipsOfHub: hubRelationships.rows.some((row) => row.person.id === hidden.id),
    mergedPeople: ids(merged.rows).includes(hidden.id),
    egoOfTwin: egoHas(egoVisible),
    egoOfHub: egoHas(egoHub),
    ownEgo: egoHidden !== null,
    secondDegree: secondDegree.some((row) => row.personId === hidden.id || row.viaPersonId === hidden.id),
    findByEmails: ids(byEmail).includes(hidden.id),
    pathTargetById: targetById,
    pathTargetByEmail: targetByEmail,
    defaultGraphCentre: mostConnected === hidden.id,
    typeahead: ids(typeahead).includes(hidden.id),
    typeaheadByEmail: ids(typeaheadByEmail).includes(hidden.id),
    edgeDetails: edgeDetails !== null,
    egoTwoHops: egoHas(egoTwoHops),
    // The visible twin stays found throughout: the filters hide one record, not the token.
    twinSearch: ids(search).includes(visible.id),
    twinByEmail: ids(byEmail).includes(visible.id),
    twinSecondDegree: secondDegree.some((row) => row.personId === visible.id),
  };
}

const everywhere = (value: boolean) => ({
  search: value,
  searchByEmail: value,
  profile: value,
  summary: value,
  relationshipsOfTwin: value,
  relationshipsOfHub: value,
  mergedPeople: value,
  egoOfTwin: value,
  egoOfHub: value,
  ownEgo: value,
  secondDegree: value,
  findByEmails: value,
  pathTargetById: value,
  pathTargetByEmail: value,
  defaultGraphCentre: value,
  typeahead: value,
  typeaheadByEmail: value,
  edgeDetails: value,
  egoTwoHops: value,
  twinSearch: true,
  twinByEmail: true,
  twinSecondDegree: true,
});

beforeEach(async () => {
  await resetDatabase();
});

describe("read paths and a soft-deleted person", () => {
  it("shows the person everywhere before the delete (the fixture exercises every path)", async () => {
    const world = await buildWorld();
    expect(await appearances(world)).toEqual(everywhere(true));
  });

  it("never returns a soft-deleted person, and the headline counts exclude them and their edges", async () => {
    const world = await buildWorld();
    await softDeletePerson(prisma, { personId: world.hidden.id });

    expect(await appearances(world)).toEqual(everywhere(false));
    expect(await getHeadlineCounts()).toEqual({
      ...world.countsBefore,
      people: world.countsBefore.people - 1,
      // hub, twin, extra1, extra2: 4 relationships, each stored in both directions.
      edges: world.countsBefore.edges - 8,
    });
  });

  it("shows the person again everywhere after restorePerson", async () => {
    const world = await buildWorld();
    await softDeletePerson(prisma, { personId: world.hidden.id });
    await restorePerson(prisma, { personId: world.hidden.id });

    expect(await appearances(world)).toEqual(everywhere(true));
    expect(await getHeadlineCounts()).toEqual(world.countsBefore);
  });
});

describe("read paths and an erased person", () => {
  it("never returns an erased person (visible or soft-deleted before), not even on the privacy screen; restore is refused", async () => {
    const world = await buildWorld();
    await erasePerson(prisma, { personId: world.hidden.id, confirm: "ERASE" });

    expect(await appearances(world)).toEqual(everywhere(false));
    expect((await listDeletedPeopleForPrivacy(prisma)).rows.map((row) => row.id)).not.toContain(world.hidden.id);
    await expect(restorePerson(prisma, { personId: world.hidden.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/erased/) });
    expect(await appearances(world)).toEqual(everywhere(false));

    const other = await buildWorld();
    await softDeletePerson(prisma, { personId: other.hidden.id });
    await erasePerson(prisma, { personId: other.hidden.id, confirm: "ERASE" });
    expect(await appearances(other)).toEqual(everywhere(false));
  });
});
