import { CampaignList } from './CampaignList';
import { CampaignPage } from './CampaignPage';
import { NewCampaignForm } from './NewCampaignForm';

/** Campaigns: the list (#/catalog/campaigns), a new one (…/new) or one campaign (…/:id). */
export function CampaignsSection({ rest }: { rest: string[] }) {
  const [first] = rest;
  if (first === 'new') return <NewCampaignForm />;
  if (first) return <CampaignPage key={first} campaignId={first} />;
  return <CampaignList />;
}
