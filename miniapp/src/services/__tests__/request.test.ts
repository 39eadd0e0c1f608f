import Taro from '@tarojs/taro';
import { ApiError, requestPrefetched } from '../request';

/** The URLs the app itself asked for (index.html's prefetch goes around Taro.request). */
const requested: string[] = [];

Object.assign(Taro, {
  request: async (options: { url: string }) => {
    requested.push(options.url);
    return { statusCode: 200, data: { from: 'request' } };
  },
});

const PATH = '/api/public/shares/Ab3dEf7hJk';

function prefetched(response: { status: number; text: string } | null) {
  window.cardhubPrefetch = { path: PATH, response: Promise.resolve(response) };
}

describe('requestPrefetched', () => {
  beforeEach(() => {
    requested.length = 0;
    window.cardhubPrefetch = undefined;
  });

  it("takes over index.html's answer for its path, once", async () => {
    prefetched({ status: 200, text: '{"from":"index.html"}' });
    await expect(requestPrefetched(PATH)).resolves.toEqual({ from: 'index.html' });
    expect(requested).toEqual([]);
    // Asking again (a retry, a reload of the data) goes to the server.
    await expect(requestPrefetched(PATH)).resolves.toEqual({ from: 'request' });
    expect(requested).toEqual([PATH]);
  });

  it('turns a prefetched failure into the ApiError a request would give', async () => {
    prefetched({ status: 404, text: '{"statusCode":404,"error":"Not Found","message":"分享不存在"}' });
    const failure = requestPrefetched(PATH);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 404, message: '分享不存在' });
  });

  it('asks the server when the prefetch was for another path or never got an answer', async () => {
    prefetched({ status: 200, text: '{"from":"index.html"}' });
    await expect(requestPrefetched('/api/public/shares/Zz9yXw8vUt')).resolves.toEqual({ from: 'request' });
    prefetched(null);
    await expect(requestPrefetched(PATH)).resolves.toEqual({ from: 'request' });
    expect(requested).toEqual(['/api/public/shares/Zz9yXw8vUt', PATH]);
  });
});
