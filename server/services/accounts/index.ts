export { createUser } from './create-user';
export { updateUser } from './update-user';
export { deactivateUser, reactivateUser } from './user-status';
export { issuePasswordLink, findPasswordLink, setPasswordWithLink } from './set-password-links';
export { changeOwnPassword } from './change-password';
export { signOutEverywhere } from './sign-out-everywhere';
export { completeSetup, isLiveSetupLink, isSetupNeeded, issueSetupLink, SETUP_PENDING_MESSAGE } from './setup';
export { listRegions } from './list-regions';
export { getLocalePreference, setLocalePreference } from './locale-preference';
