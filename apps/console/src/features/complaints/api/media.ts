import { useEffect, useState } from 'react';
import { authFetch, CONSOLE_HEADER } from '@/lib/auth';
import { mediaSrc } from './complaints';

export type MediaImage = { readonly state: 'loading' } | { readonly state: 'ready'; readonly src: string } | { readonly state: 'failed' };

/**
 * One of the complaint's images, fetched through the API with the login's bearer token (an `<img src>` would carry no
 * token: the console's only cookie is the refresh token, scoped to /v1/auth) and shown from an object URL, which is
 * revoked when the image leaves the page.
 */
export function useComplaintImage(complaintId: string, mediaUrl: string): MediaImage {
  const [image, setImage] = useState<MediaImage>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    let objectUrl: string | undefined;
    setImage({ state: 'loading' });
    const request = new Request(`${globalThis.location?.origin ?? ''}${mediaSrc(complaintId, mediaUrl)}`, { headers: CONSOLE_HEADER });
    void authFetch(request)
      .then(async (response) => {
        if (!response.ok) throw new Error(`media ${response.status}`);
        const blob = await response.blob();
        if (!live) return;
        objectUrl = URL.createObjectURL(blob);
        setImage({ state: 'ready', src: objectUrl });
      })
      .catch(() => {
        if (live) setImage({ state: 'failed' });
      });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [complaintId, mediaUrl]);
  return image;
}
