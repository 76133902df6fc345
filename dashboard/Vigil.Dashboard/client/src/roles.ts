import type { Me } from './types';

const has = (me: Me, ...roles: string[]) => me.roles.some(r => roles.includes(r));

/** Alerts, heat, rooms and broadcasters: everyone but advisors (qa reads them too). */
export const canSeeSafety = (me: Me) => has(me, 'operator', 'commander', 'qa', 'admin');
export const canAct = (me: Me) => has(me, 'operator', 'commander', 'admin');
export const canCommand = (me: Me) => has(me, 'commander', 'admin');
export const canSeeVips = (me: Me) => has(me, 'advisor', 'admin');
export const isAdmin = (me: Me) => has(me, 'admin');

/** Where a person lands after signing in. */
export const homeOf = (me: Me) => (canSeeSafety(me) ? '/wall' : canSeeVips(me) ? '/inbox' : '/incidents');
